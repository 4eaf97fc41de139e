using Spectre.Console;

namespace Enclave.Cli.Common;

/// <summary>Human output: colour only on an interactive terminal and never when NO_COLOR is set or TERM is dumb.</summary>
public static class Terminal
{
    public static bool ColorWanted(TextWriter writer)
    {
        if (Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }) return false;
        if (string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)) return false;
        return ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
    }

    /// <summary>A Spectre console writing to <paramref name="writer"/>, plain (no ANSI) unless colour is wanted.</summary>
    public static IAnsiConsole For(TextWriter writer) => For(writer, ColorWanted(writer));

    /// <summary>
    /// As <see cref="For(TextWriter)"/> with colour chosen by the caller. Spectre writes a <c>Text</c> cell as it is
    /// (control characters included): callers pass only text that went through <c>SafeText</c>.
    /// </summary>
    /// <param name="width">Columns to lay out for (default: the terminal's); tests pass a wide one so cells never wrap.</param>
    public static IAnsiConsole For(TextWriter writer, bool color, int? width = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!color) console.Profile.Width = 160;
        if (width is { } w) console.Profile.Width = w;
        return console;
    }
}
