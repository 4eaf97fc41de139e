using System.Text;

namespace Enclave.Policy.Review.Render;

/// <summary>
/// Lines for an 80-column terminal: text wraps at spaces, never inside a word (a word longer than the line, such as
/// a long OCID, stays whole on a line of its own), and continuation lines keep their indentation. Colour, when
/// wanted, is ANSI SGR around whole words the renderer chose (operation glyphs, verdicts); the text itself has
/// already been through the shared escaper, so no input can add a sequence of its own. A continuation line of text
/// that came from an input starts with <see cref="Continued"/>: a value never starts a line of its own, so no name or
/// message can pass its second half off as a line of the report (a verdict, a count).
/// </summary>
public sealed class TextLayout(int width, bool color)
{
    /// <summary>Columns of a terminal nobody resized.</summary>
    public const int DefaultWidth = 80;

    public const string Green = "32";
    public const string Yellow = "33";
    public const string Red = "31";
    public const string Magenta = "35";
    public const string Bold = "1";

    /// <summary>Marks a line that continues a value from the line above.</summary>
    public const string Continued = "↳ ";

    private readonly StringBuilder _out = new();

    public int Width { get; } = Math.Max(width, 40);

    public bool Color { get; } = color;

    /// <summary><paramref name="text"/> wrapped with <paramref name="first"/> before the first line and <paramref name="next"/> before the others.</summary>
    /// <param name="firstWidth">Columns <paramref name="first"/> takes on screen, when it holds colour.</param>
    /// <param name="prose">The text is the renderer's own (no input in it): continuation lines need no marker.</param>
    public TextLayout Wrap(string first, string next, string text, string? colorOfFirstWord = null, int? firstWidth = null, bool prose = false)
    {
        // The marker takes the two columns before the text when the indentation leaves them, so text stays aligned.
        if (!prose) next = next.EndsWith("  ", StringComparison.Ordinal) ? next[..^2] + Continued : next + Continued;
        // Widths count what the terminal shows: a painted prefix or word counts as its text.
        var line = new StringBuilder(first);
        var visible = firstWidth ?? first.Length;
        var atStart = true;
        var firstWord = true;
        foreach (var word in text.Split(' '))
        {
            if (!atStart && visible + 1 + word.Length > Width)
            {
                Flush(line);
                line.Clear().Append(next);
                visible = next.Length;
                atStart = true;
            }
            if (!atStart) { line.Append(' '); visible++; }
            line.Append(firstWord && colorOfFirstWord is not null ? Paint(word, colorOfFirstWord) : word);
            visible += word.Length;
            atStart = false;
            firstWord = false;
        }
        Flush(line);
        return this;
    }

    /// <summary>A line as it is (the caller keeps it short, or it is a single word).</summary>
    public TextLayout Line(string text = "")
    {
        _out.Append(text.TrimEnd(' ')).Append('\n');
        return this;
    }

    /// <summary><paramref name="text"/> in colour <paramref name="sgr"/> when colour is on.</summary>
    public string Paint(string text, string sgr) => Color && text.Length > 0 ? $"\u001b[{sgr}m{text}\u001b[0m" : text;

    public override string ToString() => _out.ToString();

    private void Flush(StringBuilder line)
    {
        // Trailing spaces are noise in golden files and terminals alike.
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ') end--;
        _out.Append(line, 0, end).Append('\n');
    }
}
