using Spectre.Console;

namespace Enclave.Cli.Common;

/// <summary>
/// Human output: colour only on an interactive terminal, never with <c>--no-color</c>, when NO_COLOR is set
/// (https://no-color.org) or TERM is dumb; <c>--quiet</c> keeps stderr to errors. Both flags hold for the current
/// command's async flow (<see cref="Configure"/>), so tests running commands side by side do not see each other's.
/// </summary>
public static class Terminal
{
    private static readonly AsyncLocal<bool> NoColorFlag = new();
    private static readonly AsyncLocal<bool> QuietFlag = new();

    /// <summary>`--quiet`: no summary lines or progress on stderr, only the report and errors.</summary>
    public static bool Quiet => QuietFlag.Value;

    /// <summary>Applies the global flags to the command about to run.</summary>
    public static void Configure(bool noColor, bool quiet)
    {
        NoColorFlag.Value = noColor;
        QuietFlag.Value = quiet;
    }

    public static bool ColorWanted(TextWriter writer)
    {
        if (NoColorFlag.Value) return false;
        if (Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }) return false;
        if (string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)) return false;
        return ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
    }

    /// <summary>
    /// Columns to lay text out for: the terminal's when <paramref name="writer"/> is one, else 80 (files, pipes and
    /// CI logs get the same bytes everywhere).
    /// </summary>
    public static int Width(TextWriter writer)
    {
        if (!ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected) return 80;
        try { return Console.WindowWidth is >= 40 and var w ? w : 80; }
        catch (IOException) { return 80; }
    }

    /// <summary>True when <paramref name="writer"/> is standard error and that is an interactive terminal.</summary>
    public static bool IsInteractiveError(TextWriter writer) =>
        ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected &&
        !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

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
