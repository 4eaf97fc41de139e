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

    /// <summary>
    /// Plain text with Markdown syntax characters escaped, safe in a table cell: no emphasis, code span, link, image,
    /// HTML tag or entity can start inside it (a resource named <c>![x](https://…)</c> or <c>&amp;#60;img…</c> renders
    /// as those characters), and an <c>@name</c> does not notify anyone when the report is posted as a PR comment
    /// (GitHub links mentions in rendered text, so a zero-width space follows the <c>@</c>, as Renovate does), and
    /// a bare URL is not turned into a link, nor <c>$…$</c> into math.
    /// </summary>
    public static string Text(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in Flatten(text))
        {
            // ':' and the '.' of "www." stop GFM's bare-URL autolinks (https://…, www.…): a link the bot posts is a link
            // the bot vouches for.
            // '$' stops GitHub's math ($…$, $$…$$ rendered as LaTeX: \color, \huge could print a fake verdict).
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~' or '&' or '!' or ':' or '$' ||
                c == '.' && sb.Length >= 3 && sb.ToString(sb.Length - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))
                sb.Append('\\');
            sb.Append(c);
            if (c == '@') sb.Append("&#8203;");
        }
        return sb.ToString();
    }

    private static string Flatten(string text) => SafeText.Escape(text);
}
