namespace Enclave.Policy.Iam;

/// <summary>
/// Why a statement could not be parsed. Bad input is a value, not an exception: a malformed statement in a stack
/// must become one clear finding, never a crash of the gate.
/// </summary>
/// <param name="Reason">What was expected, e.g. <c>expected 'to' after the subject</c>.</param>
/// <param name="Column">1-based position in <paramref name="Text"/> (UTF-16 code units; a line break counts as one).</param>
/// <param name="Text">The whole offending statement.</param>
public sealed record ParseError(string Reason, int Column, string Text)
{
    private const int MaxQuoted = 240;

    /// <summary>
    /// One line for a report: <c>REASON at column N in: STATEMENT</c>. Control characters in the statement are
    /// shown as spaces (one for one, so the column still lines up) and very long statements are cut to a window
    /// around the column.
    /// </summary>
    public string Message => $"{Reason} at column {Column} in: {Excerpt()}";

    /// <inheritdoc/>
    public override string ToString() => Message;

    private string Excerpt()
    {
        var start = 0;
        var end = Text.Length;
        if (Text.Length > MaxQuoted)
        {
            start = Math.Clamp(Column - 1 - MaxQuoted / 2, 0, Text.Length - MaxQuoted);
            end = start + MaxQuoted;
        }
        var chars = Text.ToCharArray(start, end - start);
        for (var i = 0; i < chars.Length; i++)
            if (char.IsControl(chars[i]) || chars[i] is '\u2028' or '\u2029' || char.IsSurrogate(chars[i]) && !IsPaired(chars, i))
                chars[i] = ' ';
        return (start > 0 ? "…" : "") + new string(chars) + (end < Text.Length ? "…" : "");
    }

    private static bool IsPaired(char[] chars, int i) =>
        char.IsHighSurrogate(chars[i])
            ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
            : i > 0 && char.IsHighSurrogate(chars[i - 1]);
}
