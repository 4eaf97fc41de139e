using Enclave.Escaping;

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
    /// One line for a report: <c>REASON at column N in: STATEMENT</c>. The statement is quoted through the one
    /// terminal-safe escaper (line breaks, ANSI escapes and bidi controls shown as <c>\n</c>, <c>\u001b</c>,
    /// <c>\u202e</c>), and a long one is cut to a window around the column.
    /// </summary>
    public string Message => $"{Reason} at column {Column} in: {SafeText.Excerpt(Text, Column - 1, MaxQuoted)}";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
