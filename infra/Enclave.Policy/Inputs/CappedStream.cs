namespace Enclave.Policy.Inputs;

/// <summary>
/// A read-only stream that stops a reader at the input's size cap and at the first NUL byte, as the bytes arrive:
/// standard input has no length to check up front, and /dev/zero piped in must fail at once, not after a gigabyte.
/// Every input the CLI reads is text; UTF-16 (announced by its byte-order mark) is the one text with NUL bytes,
/// so the NUL check is off for it.
/// </summary>
internal sealed class CappedStream(Stream inner, string path, InputKind kind, long maxBytes) : Stream
{
    private long _read;
    private bool _started;
    private bool _utf16;
    // The input's first bytes, to name what a binary input is (BinaryContent) when its first NUL byte arrives later.
    private readonly byte[] _head = new byte[16];
    private int _headLength;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer[..Room(buffer.Length)]);
        return Check(buffer[..n]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer[..Room(buffer.Length)], cancellationToken).ConfigureAwait(false);
        return Check(buffer.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>
    /// How much of a buffer one read may fill: never more than one byte past the cap (that byte is enough to know the
    /// input is too large). Computed without overflow: with the cap at long.MaxValue (a valid setting), "cap - read + 1"
    /// wrapped to long.MinValue, whose low 32 bits are 0, so every read asked for no byte and every input read as empty.
    /// </summary>
    private int Room(int buffer)
    {
        var left = maxBytes - _read; // >= 0: a read past the cap throws in Check
        return left < buffer ? (int)left + 1 : buffer;
    }

    private int Check(ReadOnlySpan<byte> chunk)
    {
        if (!_started && chunk.Length > 0)
        {
            _started = true;
            _utf16 = chunk.Length >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF));
            _headLength = Math.Min(chunk.Length, _head.Length);
            chunk[.._headLength].CopyTo(_head);
            if (BinaryContent.Recognise(chunk) is { } what)
                throw new InputFileException(path, $"binary content ({what}); expected {kind.Expected}");
        }
        _read += chunk.Length;
        if (_read > maxBytes) throw InputFile.TooLarge(path, kind, maxBytes);
        if (!_utf16 && chunk.IndexOf((byte)0) >= 0)
            throw new InputFileException(path, $"binary content ({BinaryContent.NulBytes(_head.AsSpan(0, _headLength))}); expected {kind.Expected}");
        return chunk.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
