using System.Globalization;
using System.Text;
using Enclave.Escaping;

namespace Enclave.Policy.Inputs;

/// <summary>
/// The YAML a pull request changes (stack configs, waiver files, Pulumi.yaml) is judged by a reviewer as well as by
/// the gate, so it must read the same to both: every character is visible or ordinary layout (tab, line feed, carriage
/// return). YAML readers (go-yaml, Pulumi's, and YamlDotNet, ours) end a line at U+2028, U+2029 and U+0085, which a
/// diff view shows inside the line: <c># note&lt;U+2028&gt;  oci:userOcid: …</c> sets a key the reviewer sees as part
/// of a comment. Bidirectional overrides reorder what a reviewer sees ("Trojan Source"), zero-width and other
/// format characters hide text, and control characters are not YAML. One is refused at its line and column;
/// inside a double-quoted value it can still be written as an escape (<c>"\u2028"</c>), which every reader shows.
/// </summary>
internal static class VisibleYamlText
{
    /// <summary>Throws a <see cref="YamlInputException"/> at the first character a reviewer cannot see as it is read.</summary>
    public static void Require(string text)
    {
        long line = 1, column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') { line++; column = 1; continue; }
            if (c is '\t' or '\r' || (c == '\uFEFF' && i == 0) || (c >= 0x20 && c < 0x7F)) { column++; continue; }
            var point = (int)c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // An astral character (an emoji is fine; a tag character U+E0000–U+E007F hides text, as format characters do).
                point = char.ConvertToUtf32(c, text[i + 1]);
                if (Rune.GetUnicodeCategory(new Rune(point)) != UnicodeCategory.Format) { i++; column++; continue; }
            }
            else if (!SafeText.IsInvisible(c)) { column++; continue; }
            var code = $"U+{point.ToString("X4", CultureInfo.InvariantCulture)}";
            var what = c is '\u2028' or '\u2029' or '\u0085'
                ? $"{code}, a line break to YAML readers (Pulumi's and ours) that a diff view shows inside the line, so text after it " +
                  "(in a comment too) is read as a new line the reviewer does not see"
                : c < 0x20 || c is >= '\u007F' and <= '\u009F'
                    ? $"the control character {code}"
                    : $"{code}, an invisible or reordering character (bidirectional override, zero-width or other format character) " +
                      "that makes the text read differently to a reviewer than to the gate";
            throw new YamlInputException($"holds {what}; expected visible text (inside a double-quoted value, write it as an escape, e.g. \"\\u2028\")",
                line, column, isSyntax: false);
        }
    }
}
