using System.CommandLine;
using System.CommandLine.Help;

namespace Enclave.Cli.Common;

/// <summary>
/// `--help` as users of the tool see it: the usage lines name the command `enclave` (whatever the executable or the
/// `dotnet` host is called: System.CommandLine names the root after the process), and the text wraps at 80 columns.
/// </summary>
public static class HelpText
{
    public const int Width = 80;

    /// <summary>Runs a help request into a buffer and writes it with the command named `enclave`; false when <paramref name="parseResult"/> asks for something else.</summary>
    public static bool TryWrite(ParseResult parseResult, TextWriter stdout, TextWriter stderr)
    {
        if (parseResult.Action is not HelpAction help) return false;
        help.MaxWidth = Width;
        var buffer = new StringWriter();
        parseResult.Invoke(new InvocationConfiguration { Output = buffer, Error = stderr });
        stdout.Write(Rename(buffer.ToString(), RootCommand.ExecutableName));
        return true;
    }

    /// <summary>Usage lines (indented, starting with the executable's name) name `enclave` instead.</summary>
    public static string Rename(string help, string executable)
    {
        if (executable.Length == 0 || executable == "enclave") return help;
        var lines = help.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].StartsWith("  " + executable + " ", StringComparison.Ordinal) || lines[i].TrimEnd() == "  " + executable)
                lines[i] = "  enclave" + lines[i][(2 + executable.Length)..];
        return string.Join('\n', lines);
    }
}
