using System.Text;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// UTF-16 input (a PowerShell <c>&gt;</c> redirect) re-encoded as UTF-8 while it streams, a small block at a time: the
/// reader behind it sees UTF-8 and the file is never held whole (transcoding it whole took about 2.5 times the file).
/// Strict: a lone surrogate or an odd trailing byte is refused, never turned into U+FFFD, so the gate never judges a
/// text other than the one in the file (two different names must not read as one replacement character).
/// </summary>
internal sealed class Utf16Stream : Stream
{
    private const int Block = 32 * 1024;
    private readonly Stream _inner;
    private readonly string _name;
    private readonly Decoder _decoder;
    private readonly Encoder _encoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetEncoder();
    private readonly byte[] _in = new byte[Block];
    private readonly char[] _chars = new char[Block];
    private readonly byte[] _out = new byte[Block * 3 + 8];
    private int _outStart, _outEnd;
    private long _consumed;
    private bool _done;
    private byte[] _pending;
    private int _pendingAt;

    /// <param name="inner">The bytes after the byte-order mark.</param>
    /// <param name="pending">Bytes already read from <paramref name="inner"/> (after the mark), decoded first.</param>
    /// <param name="offset">Where <paramref name="pending"/> starts in the file (the mark's length), for errors.</param>
    public Utf16Stream(Stream inner, ReadOnlySpan<byte> pending, bool bigEndian, string name, long offset)
    {
        _inner = inner;
        _name = name;
        _consumed = offset;
        _decoder = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetDecoder();
        _pending = pending.ToArray();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_outStart == _outEnd && !_done)
        {
            _outStart = _outEnd = 0;
            var n = ReadInput();
            if (n == 0) _done = true;
            Append(n, flush: _done);
        }
        var take = Math.Min(buffer.Length, _outEnd - _outStart);
        _out.AsSpan(_outStart, take).CopyTo(buffer);
        _outStart += take;
        return take;
    }

    /// <summary>The next block of UTF-16: what the caller had read ahead, then the stream.</summary>
    private int ReadInput()
    {
        if (_pendingAt == _pending.Length) return _inner.Read(_in, 0, Block);
        var n = Math.Min(Block, _pending.Length - _pendingAt);
        _pending.AsSpan(_pendingAt, n).CopyTo(_in);
        _pendingAt += n;
        if (_pendingAt == _pending.Length) _pending = [];
        _pendingAt = _pending.Length == 0 ? 0 : _pendingAt;
        return n;
    }

    /// <summary>Decodes <paramref name="count"/> bytes of <see cref="_in"/> and appends their UTF-8 form to the output.</summary>
    private void Append(int count, bool flush)
    {
        int chars;
        try { chars = _decoder.GetChars(_in, 0, count, _chars, 0, flush); }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {_consumed + e.Index:N0}" : "";
            throw new ArtifactLoadException(_name, $"not valid UTF-16{at} (a lone surrogate or a truncated character); " +
                                                   "expected UTF-8 JSON, or UTF-16 with a byte-order mark");
        }
        _consumed += count;
        // A high surrogate left at the end of a block stays in the decoder until its pair arrives, so the encoder
        // always sees whole characters: nothing for it to carry or refuse.
        _outEnd += _encoder.GetBytes(_chars, 0, chars, _out, _outEnd, flush: true);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
