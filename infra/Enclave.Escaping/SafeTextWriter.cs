using System.Buffers;
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

    // Printable ASCII, line feed and tab: what Document keeps as it is, found many at a time (vectorised) instead of
    // one IsUnsafe call per character (reports are hundreds of megabytes of exactly these).
    private static readonly SearchValues<char> KeptChars = SearchValues.Create(KeptText());
    private static readonly SearchValues<byte> KeptBytes = SearchValues.Create([.. KeptText().Select(c => (byte)c)]);
    private const int RawRun = 4096; // shorter runs are decoded with their neighbours: a flush per run would cost more
    private Decoder? _decoder; // set while a character may be split across WriteUtf8 calls
    private char[] _decoded = [];
    private bool _buffered; // chars were written to the inner writer since its last flush

    private static string KeptText() => "\n\t" + new string([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c)]);

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        _buffered = true;
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
            var skip = text[i..].IndexOfAnyExcept(KeptChars);
            if (skip < 0) break;
            i += skip;
            var c = text[i];
            if (!SafeText.IsUnsafe(c)) continue;
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

    /// <summary>
    /// Writes UTF-8 <paramref name="utf8"/> (a JSON report's bytes) exactly as <see cref="Write(ReadOnlySpan{char})"/>
    /// would write its text. Into a UTF-8 <see cref="StreamWriter"/>, long runs of printable ASCII, line feeds and tabs
    /// (which the escaper keeps, and which encode to the same bytes) go to its stream as they are, instead of being
    /// decoded to chars, scanned and encoded back; what lies between them is decoded and escaped. A character split
    /// between two calls is decoded whole, as from one stream.
    /// </summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        var file = inner is StreamWriter { Encoding: UTF8Encoding } w ? w : null;
        while (!utf8.IsEmpty)
        {
            // Raw bytes only when nothing waits: no pending \r or surrogate half, no partial character in the decoder.
            if (file is not null && _pending == '\0' && _decoder is null)
            {
                var kept = utf8.IndexOfAnyExcept(KeptBytes);
                if (kept < 0) kept = utf8.Length;
                if (kept >= RawRun || (kept > 0 && kept == utf8.Length))
                {
                    if (_buffered) file.Flush(); // what the writer holds goes first
                    _buffered = false;
                    file.BaseStream.Write(utf8[..kept]);
                    utf8 = utf8[kept..];
                    continue;
                }
            }
            var piece = utf8[..DecodedPiece(utf8)];
            var decoder = _decoder ??= new UTF8Encoding(false).GetDecoder();
            var count = decoder.GetCharCount(piece, flush: false);
            if (_decoded.Length < count) _decoded = new char[Math.Max(count, 4096)];
            Write(_decoded.AsSpan(0, decoder.GetChars(piece, _decoded, flush: false)));
            // A kept (ASCII) byte ends every sequence and settles every pending character: nothing waits after it.
            if (KeptBytes.Contains(piece[^1])) _decoder = null;
            utf8 = utf8[piece.Length..];
        }
    }

    /// <summary>
    /// How much of <paramref name="utf8"/> to decode: up to and including the first byte of the next run of kept bytes
    /// long enough to copy raw (or that reaches the end), else all of it.
    /// </summary>
    private static int DecodedPiece(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (true)
        {
            var start = utf8[at..].IndexOfAny(KeptBytes);
            if (start < 0) return utf8.Length;
            at += start;
            var run = utf8[at..].IndexOfAnyExcept(KeptBytes);
            if (run < 0 || run >= RawRun) return at + 1;
            at += run;
        }
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
