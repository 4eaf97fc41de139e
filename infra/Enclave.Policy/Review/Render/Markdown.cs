using System.Text;
using Enclave.Escaping;

namespace Enclave.Policy.Review.Render;

/// <summary>
/// Escaping for text placed in GitHub-flavoured Markdown (including table cells). Everything first goes through
/// the shared escaper (<see cref="SafeText"/>): one line, no control, ANSI or bidi characters.
/// </summary>
public static class Markdown
{
    /// <summary>An inline code span holding <paramref name="text"/> verbatim (safe in table cells).</summary>
    public static string Code(string text)
    {
        var flat = Flatten(text).Replace("|", "\\|");
        var longest = 0;
        var run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = flat.StartsWith('`') || flat.EndsWith('`') || flat.Length == 0 ? " " : "";
        return $"{fence}{pad}{flat}{pad}{fence}";
    }

    /// <summary>Plain text with Markdown syntax characters escaped.</summary>
    public static string Text(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in Flatten(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Flatten(string text) => SafeText.Escape(text);
}
