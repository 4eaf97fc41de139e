using System.Globalization;
using System.Text;

namespace Enclave.Escaping;

/// <summary>
/// <see cref="SafeText.Document"/> as a writer: escapes as it writes to <paramref name="inner"/>, so a report of any
/// size is escaped without holding it (or an escaped copy) in memory. The output is byte for byte what
/// <c>SafeText.Document</c> returns for everything written, however the writes are split: the two characters whose
/// meaning depends on the next one (<c>\r</c>, kept only before <c>\n</c>; a high surrogate, kept only with its low
/// half) wait for it, and <see cref="Complete"/> settles a trailing one as the end of the text would.
/// </summary>
public sealed class SafeTextWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    private const int End = -1;
    private char _pending; // '\0' or a '\r' / high surrogate whose successor has not been written yet

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        var i = 0;
        if (_pending != '\0')
        {
            var pending = _pending;
            _pending = '\0';
            if (EscapeOne(pending, text[0])) i = 1;
        }
        var run = i;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\t' || !SafeText.IsUnsafe(c)) continue;
            inner.Write(text[run..i]);
            run = i + 1;
            if (i + 1 == text.Length && (c == '\r' || char.IsHighSurrogate(c)))
            {
                _pending = c; // decided by the next write, or by Complete
                return;
            }
            if (EscapeOne(c, i + 1 < text.Length ? text[i + 1] : End)) run = ++i + 1;
        }
        inner.Write(text[run..]);
    }

    /// <summary>Settles a trailing <c>\r</c> or high surrogate as the end of the document, then flushes.</summary>
    public void Complete()
    {
        if (_pending != '\0') EscapeOne(_pending, End);
        _pending = '\0';
        inner.Flush();
    }

    /// <summary>Flushes what is settled; a pending character stays, as more text may still follow it.</summary>
    public override void Flush() => inner.Flush();

    /// <summary>Writes <paramref name="c"/> (an unsafe character) as Document would; true when it consumed <paramref name="next"/>.</summary>
    private bool EscapeOne(char c, int next)
    {
        if (char.IsHighSurrogate(c) && next != End && char.IsLowSurrogate((char)next))
        {
            if (SafeText.IsUnsafeAstral(char.ConvertToUtf32(c, (char)next))) { Unicode(c); Unicode((char)next); }
            else { inner.Write(c); inner.Write((char)next); }
            return true;
        }
        if (c == '\r') inner.Write(next == '\n' ? "\r" : "\\r");
        else Unicode(c);
        return false;
    }

    private void Unicode(char c)
    {
        Span<char> escape = stackalloc char[6];
        "\\u".CopyTo(escape);
        ((int)c).TryFormat(escape[2..], out _, "x4", CultureInfo.InvariantCulture);
        inner.Write(escape);
    }
}
