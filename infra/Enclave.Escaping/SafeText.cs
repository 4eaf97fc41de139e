using System.Globalization;
using System.Text;

namespace Enclave.Escaping;

/// <summary>
/// The one escaper for text the tools print that came from outside (names, URNs, stack names, values, reasons, file
/// paths): control characters, ANSI escape sequences (ESC), C1 controls, bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) and every other invisible format character, line and paragraph separators,
/// lone surrogates and characters that pass for ASCII ones (<see cref="IsLookAlike"/>) are shown as visible escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u001b</c>, <c>\u202e</c>), so
/// no input can colour a terminal, move its cursor, reorder a line, or start a line of its own. Escapes use one
/// <c>\uXXXX</c> per UTF-16 unit, which is also a valid JSON string escape of the same character.
/// </summary>
public static class SafeText
{
    /// <summary>Default cap for one value echoed in a message (a 10 MB config value must not become a 10 MB line).</summary>
    public const int EchoLength = 200;

    /// <summary>Cap for one whole error line.</summary>
    public const int LineLength = 4000;

    /// <summary>
    /// True when <paramref name="c"/> must not reach a terminal or log as it is: it is invisible or reorders text
    /// (<see cref="IsInvisible"/>), or it is a look-alike of an ASCII character (<see cref="IsLookAlike"/>).
    /// </summary>
    public static bool IsUnsafe(char c) => c is not (>= ' ' and <= '~') && (IsInvisible(c) || IsLookAlike(c));

    /// <summary>Control characters (C0, DEL, C1), format characters (bidi, zero-width), blank letters (Hangul fillers, Braille blank), line and paragraph separators, lone surrogates, noncharacters.</summary>
    public static bool IsInvisible(char c)
    {
        if (c >= 0x20 && c < 0x7F) return false;
        if (c < 0x20 || c <= 0x9F) return true; // C0, DEL, C1
        if (c is '\uFFFE' or '\uFFFF') return true; // noncharacters
        // Blank glyphs Unicode files as letters or symbols, not format characters: Hangul fillers and the Braille blank
        // print as nothing (or a space), so a name can carry them unseen.
        if (c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800') return true;
        return char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds an invisible character (<see cref="IsInvisible"/>), an astral format
    /// character (a tag) or a lone surrogate. A visible astral character (𐌀, 𝐚) is a surrogate pair, which
    /// <see cref="IsInvisible"/> sees as two surrogates: judged here as the one character it is.
    /// </summary>
    public static bool HasInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[++i]);
                if (Rune.GetUnicodeCategory(new Rune(codePoint)) == UnicodeCategory.Format || (codePoint & 0xFFFE) == 0xFFFE) return true;
                continue;
            }
            if (IsInvisible(c)) return true;
        }
        return false;
    }

    /// <summary>
    /// A character printed in place of an ASCII one it looks like, so that a name reads as another: a waiver for
    /// <c>urn:…::prоd-db</c> (a Cyrillic о) looked like it waived prod-db and matched only a resource the same change
    /// added under the look-alike name. Letters, digits and marks of the scripts with Latin look-alikes (Greek,
    /// Cyrillic, Armenian, Cherokee), the look-alike Latin letters outside the accented Latin-1 and Latin
    /// Extended-A sets (dotless ı, long ſ, Latin Extended-B, IPA and phonetic letters, small capitals, modifier
    /// letters), combining marks (a dot or stroke over an ASCII letter), letter-like symbols (the Kelvin sign K),
    /// the letters of every script not known to be distinct (<see cref="KnownDistinct"/>: Lisu, Coptic, Hebrew…),
    /// super- and subscripts, circled, full-width and other-script digits, and the dashes, slashes, colons, dots and
    /// spaces that pass for <c>-</c>, <c>/</c>, <c>:</c>, <c>.</c> and a space in a URN. Accented Latin letters
    /// (é, ü, ł) differ visibly and stay, as do CJK, emoji, arrows, the em dash and the ellipsis.
    /// </summary>
    public static bool IsLookAlike(char c) => c switch
    {
        < '\u00A0' => false,
        '\u00A0' => true, // no-break space
        < '\u0100' => false, // Latin-1 letters and signs
        '\u0131' or '\u0138' or '\u0140' or '\u017F' => true, // ı ĸ ŀ ſ
        < '\u0180' => false, // Latin Extended-A
        < '\u0370' => true, // Latin Extended-B, IPA, modifier letters, combining marks
        < '\u0590' => true, // Greek, Cyrillic, Armenian (and their punctuation: ; · ։ pass for ; . :)
        '\u05C3' => true, // Hebrew sof pasuq (:)
        >= '\u13A0' and < '\u1400' => true, // Cherokee
        >= '\u1AB0' and < '\u1B00' => true, // combining marks extended
        >= '\u1C80' and < '\u1C90' => true, // Cyrillic Extended-C
        >= '\u1D00' and < '\u1E00' => true, // phonetic extensions, small capitals, combining supplement
        >= '\u1F00' and < '\u2000' => true, // Greek Extended
        >= '\u2000' and <= '\u200A' => true, // spaces of other widths
        >= '\u2010' and <= '\u2012' => true, // hyphen, non-breaking hyphen, figure dash
        '\u2024' or '\u2044' or '\u202F' or '\u205F' or '\u2212' or '\u2215' or '\u2236' or '\u3000' => true, // ․ ⁄ spaces − ∕ ∶
        '\u2039' or '\u203A' => true, // ‹ › (quotation marks that pass for < >)
        >= '\u2070' and < '\u20A0' => true, // superscripts and subscripts
        >= '\u20D0' and < '\u2100' => true, // combining marks for symbols
        >= '\u2100' and < '\u2150' => true, // letter-like symbols (K Kelvin, Å Ångström, ℓ)
        >= '\u2160' and < '\u2190' => true, // Roman numerals (Ⅰ, ⅼ)
        >= '\u2460' and < '\u2500' => true, // circled letters and digits
        >= '\u2DE0' and < '\u2E00' => true, // Cyrillic Extended-A
        >= '\uA640' and < '\uA6A0' => true, // Cyrillic Extended-B
        >= '\uA720' and < '\uA800' => true, // Latin Extended-D (꞉ modifier colon)
        >= '\uAB70' and < '\uABC0' => true, // Cherokee small letters
        >= '\uFE20' and < '\uFE30' => true, // combining half marks
        '\uFE63' => true, // small hyphen-minus
        >= '\uFF01' and < '\uFF5F' => true, // full-width ASCII
        _ => char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.SpacingCombiningMark => true, // digits of other scripts, marks
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber => !KnownDistinct(c),
            // Punctuation, symbols and spaces outside Latin-1, as letters: an allow-list (KnownDistinctSymbol), since
            // the ranges above were a deny-list that missed ∨ (v), ∣ and │ (|), ∗ (*), ﹕ (:), ᛬ and ፡ (:), the Ogham
            // space mark (a dash: prod\u1680db read as prod-db), ‐-like dashes of other scripts, box drawing…
            UnicodeCategory.DashPunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.MathSymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.SpaceSeparator => !KnownDistinctSymbol(c),
            _ => false,
        },
    };

    /// <summary>
    /// The letters outside Latin that cannot pass for ASCII ones: accented Latin (Latin Extended Additional), and the
    /// wide (two-cell) letters of CJK, kana, Hangul and Yi, which a terminal shows at twice an ASCII letter's width.
    /// Every other script's letters count as look-alikes: the list of scripts with Latin look-alikes was a deny-list,
    /// and a word spelled wholly in one it missed (Lisu ꓑꓣꓳꓓ, Coptic ⲣⲟ, Canadian syllabics ᑭ, Tifinagh ⵔ, Hebrew ו
    /// for l) read as "PROD" or a group name. Shown escaped, such a letter loses nothing (JSON keeps it exactly).
    /// </summary>
    private static bool KnownDistinct(char c) => c is (>= '\u1E00' and <= '\u1EFF') or (>= '\u1100' and <= '\u115E')
        or (>= '\u2E80' and <= '\u2FDF') or (>= '\u3001' and <= '\u33FF') or (>= '\u3400' and <= '\u4DBF')
        or (>= '\u4E00' and <= '\u9FFF') or (>= '\uA000' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
        or (>= '\uF900' and <= '\uFAFF');

    /// <summary>
    /// The punctuation and symbols outside Latin-1 that cannot pass for an ASCII character, so stay as they are: the
    /// en and em dashes (wider than a hyphen; rule texts write ranges such as CIS 4.3–4.12), daggers, the bullet •,
    /// the ellipsis, per mille, ‼ ⁉; arrows (→ ↳ ⟶ ⤴ ⬆); ∞ ≈ ≠ ≡ ≤ ≥ of the mathematical operators (∨ ∣ ∗ ∖ ∙ ∼ ⊂ pass
    /// for v | * \ . ~ c); the technical symbols (⌘ ⏰) but their bracket pieces and lines (⌈ ⎪ ⏐ ⏤); control pictures
    /// (␛); geometric shapes (■ ▲ ●) but the circles that pass for o (○ ◌ ◦ ◯); miscellaneous symbols and dingbats
    /// (☀ ⚠ ✓ ✅ ❌) but the bars, brackets, crosses, asterisks and signs that pass for | ( ) &lt; &gt; x * + - /
    /// (❘ ❨ ❮ ✗ ✱ ➖); the wide punctuation of CJK and the full-width signs ￠ ￡ ￥. Everything else — box drawing and
    /// block elements, Braille, the small and vertical forms (﹕ ﹒ ︱), half-width forms, the punctuation of other
    /// scripts (፡ ᛬ ۔ । ׀), spaces — counts as a look-alike.
    /// </summary>
    private static bool KnownDistinctSymbol(char c) => c switch
    {
        '\u2013' or '\u2014' or (>= '\u2020' and <= '\u2023') or '\u2026' or '\u2030' or '\u2031' or '\u203B' or '\u203C'
            or (>= '\u2047' and <= '\u2049') => true,
        >= '\u2190' and <= '\u21FF' => true, // arrows
        '\u221E' or '\u2248' or '\u2260' or '\u2261' or '\u2264' or '\u2265' => true,
        (>= '\u2308' and <= '\u230B') or '\u2329' or '\u232A' or (>= '\u239B' and <= '\u23B9') or '\u23D0' or '\u23E4' => false,
        >= '\u2300' and <= '\u23FF' => true, // miscellaneous technical
        >= '\u2400' and <= '\u243F' => true, // control pictures
        '\u25CB' or '\u25CC' or '\u25E6' or '\u25EF' => false,
        >= '\u25A0' and <= '\u25FF' => true, // geometric shapes
        >= '\u2600' and <= '\u26FF' => true, // miscellaneous symbols
        (>= '\u2715' and <= '\u2718') or '\u2731' or '\u2732' or (>= '\u2758' and <= '\u275A') or (>= '\u2768' and <= '\u2775')
            or (>= '\u2795' and <= '\u2797') => false,
        >= '\u2700' and <= '\u27BF' => true, // dingbats
        (>= '\u27F0' and <= '\u27FF') or (>= '\u2900' and <= '\u297F') or (>= '\u2B00' and <= '\u2BFF') => true, // arrows, stars
        >= '\u3001' and <= '\u33FF' => true, // CJK punctuation and symbols (two cells wide)
        >= '\uFFE0' and <= '\uFFE6' => true, // full-width signs
        _ => false,
    };

    /// <summary>
    /// <paramref name="text"/> on one line with every unsafe character escaped, cut after
    /// <paramref name="maxLength"/> characters with a count of what was left out. Returns the same instance when
    /// nothing needs changing.
    /// </summary>
    public static string Escape(string? text, int maxLength = int.MaxValue)
    {
        if (text is null) return "";
        var first = FirstUnsafe(text, keepLayout: false);
        if (first < 0 && text.Length <= maxLength) return text;
        var sb = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        var i = 0;
        for (; i < text.Length && sb.Length < maxLength; i++) AppendEscaped(sb, text, ref i, keepLayout: false);
        if (i < text.Length) sb.Append("… (").Append((text.Length - i).ToString(CultureInfo.InvariantCulture)).Append(" more characters)");
        return sb.ToString();
    }

    /// <summary>
    /// How a message quotes a long input at the place of its problem: at most <paramref name="maxLength"/> characters
    /// of <paramref name="text"/> around the 0-based <paramref name="position"/>, escaped as <see cref="Escape"/> does,
    /// with <c>…</c> where the window cuts it.
    /// </summary>
    public static string Excerpt(string? text, int position, int maxLength = EchoLength)
    {
        if (text is null) return "";
        if (text.Length <= maxLength) return Escape(text);
        var start = Math.Clamp(position - maxLength / 2, 0, text.Length - maxLength);
        var end = start + maxLength;
        return (start > 0 ? "…" : "") + Escape(text.Substring(start, maxLength)) + (end < text.Length ? "…" : "");
    }

    /// <summary>A value as it is quoted in a message: <c>'…'</c>, escaped and capped at <see cref="EchoLength"/>.</summary>
    public static string Quote(string? text, int maxLength = EchoLength) => "'" + Escape(text, maxLength) + "'";

    /// <summary>
    /// A whole rendered document (report, plan, diff): line breaks (<c>\n</c>, <c>\r\n</c>) and tabs are its own
    /// layout and stay; every other unsafe character is escaped. In JSON output the escapes fall inside string
    /// literals (the only place such characters can be) and mean the same character, so the data is unchanged.
    /// </summary>
    public static string Document(string text)
    {
        var first = FirstUnsafe(text, keepLayout: true);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length + 64);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++) AppendEscaped(sb, text, ref i, keepLayout: true);
        return sb.ToString();
    }

    /// <summary>
    /// A name as a message shows it when only ASCII is valid for it: every other character, visible or not, as
    /// <c>\uXXXX</c>, so a look-alike (a Cyrillic <c>о</c>, a zero-width space) shows its difference. Cut after
    /// <paramref name="maxLength"/> characters with <c>…</c>.
    /// </summary>
    public static string Ascii(string? text, int maxLength = EchoLength)
    {
        if (text is null) return "";
        var sb = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        foreach (var c in text.Length > maxLength ? text[..maxLength] : text)
            if (c is >= ' ' and <= '~') sb.Append(c);
            else Unicode(sb, c);
        return text.Length > maxLength ? sb.Append('…').ToString() : sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped (see <see cref="Escape"/>).</summary>
    public static StringBuilder AppendEscaped(this StringBuilder sb, string? text, int maxLength = int.MaxValue) =>
        sb.Append(Escape(text, maxLength));

    private static int FirstUnsafe(string text, bool keepLayout)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c < 0x7F) continue;
            if (keepLayout && (c is '\n' or '\t' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsUnsafeAstral(char.ConvertToUtf32(c, text[i + 1]))) return i;
                i++;
                continue;
            }
            if (IsUnsafe(c)) return i;
        }
        return -1;
    }

    private static void AppendEscaped(StringBuilder sb, string text, ref int i, bool keepLayout)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var low = text[i + 1];
            if (IsUnsafeAstral(char.ConvertToUtf32(c, low))) Unicode(Unicode(sb, c), low);
            else sb.Append(c).Append(low);
            i++;
            return;
        }
        if (keepLayout && (c is '\n' or '\t' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')))
        {
            sb.Append(c);
            return;
        }
        if (!IsUnsafe(c)) sb.Append(c);
        else if (c == '\n') sb.Append("\\n");
        else if (c == '\r') sb.Append("\\r");
        else if (c == '\t') sb.Append("\\t");
        else Unicode(sb, c);
    }

    private static StringBuilder Unicode(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));

    /// <summary>Astral format characters (tags U+E0000–U+E007F, musical and shorthand format controls).</summary>
    internal static bool IsUnsafeAstral(int codePoint) =>
        Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.Format or UnicodeCategory.DecimalDigitNumber or
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        // Letters and numbers of astral scripts (Old Italic 𐌀, Gothic, Deseret, Osage, Latin Extended-F/G), as in the
        // BMP: only the wide CJK ideographs of planes 2 and 3 are known not to pass for ASCII.
        || (Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            && codePoint is not (>= 0x20000 and < 0x40000))
        || (codePoint & 0xFFFE) == 0xFFFE
        || codePoint is >= 0x1D400 and < 0x1D800 // mathematical letters and digits (𝐚, 𝟎)
        || codePoint is >= 0x1F100 and < 0x1F1E6 // enclosed letters (🄰), not the regional indicators of flags
        // Astral punctuation, symbols and spaces, as in the BMP: an allow-list. 𐄀 (Aegean word separator line) and
        // 𝄀 (musical single barline) passed for |, 𐄁 for ., 🙶 for " — only the emoji and game pieces stay as they are.
        || (Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.DashPunctuation or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.ConnectorPunctuation
                or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.MathSymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.SpaceSeparator
            && !KnownDistinctAstralSymbol(codePoint));

    /// <summary>
    /// The astral symbols that cannot pass for an ASCII character: playing cards, mahjong and domino tiles, the
    /// regional indicators of flags, enclosed ideographs, and the emoji blocks (pictographs, emoticons, transport,
    /// supplemental and extended-A pictographs). Not the ornamental dingbats (🙶 🙷 quotation marks), the extended
    /// geometric shapes (🞄 ⊕-like circles and crosses) or the arrows-C block, which copy ASCII-sized signs.
    /// </summary>
    private static bool KnownDistinctAstralSymbol(int codePoint) => codePoint is (>= 0x1F000 and <= 0x1F0FF)
        or (>= 0x1F1E6 and <= 0x1F2FF) or (>= 0x1F300 and <= 0x1F64F) or (>= 0x1F680 and <= 0x1F6FF)
        or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x1FA70 and <= 0x1FAFF);
}
