using System.Text;
using System.Text.Json;

namespace Enclave.Policy.Reports;

/// <summary>
/// Lets a <see cref="Utf8JsonWriter"/> write straight into a report's <see cref="TextWriter"/>: the UTF-8 bytes are
/// decoded chunk by chunk as they come. A report of a 200k-resource stack is hundreds of megabytes; building it in
/// a buffer, copying that to an array and then to a string held it four times over.
/// </summary>
internal sealed class TextWriterStream(TextWriter output) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[1 << 14];

    /// <summary>Hands what <paramref name="w"/> holds to the output once it passes a chunk's worth (call between items).</summary>
    public static void FlushWhenFull(Utf8JsonWriter w)
    {
        if (w.BytesPending > 1 << 16) w.Flush();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // A UTF-8 file writer takes the bytes as they are: decoding them to chars only for the writer to encode them
        // back was a sixth of writing a 190 MB report. What the writer still buffers goes first, so order holds.
        if (output is StreamWriter { Encoding: UTF8Encoding } file)
        {
            file.Flush();
            file.BaseStream.Write(buffer);
            return;
        }
        if (output is Enclave.Escaping.SafeTextWriter safe)
        {
            // The CLI's --output escaper: it takes the bytes too, and copies the runs it would keep unchanged.
            safe.WriteUtf8(buffer);
            return;
        }
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length) _chars = new char[needed];
        var n = _decoder.GetChars(buffer, _chars, flush: false);
        output.Write(_chars, 0, n);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Flush() => output.Flush();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
