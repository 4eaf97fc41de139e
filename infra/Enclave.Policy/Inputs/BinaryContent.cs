namespace Enclave.Policy.Inputs;

/// <summary>
/// Names what a binary input is from its first bytes, so that the one-line refusal says what to do: a compressed
/// artifact (CI caches and artifact stores hand out <c>export.json.gz</c>) is to be decompressed, UTF-16 or UTF-32
/// text (a PowerShell <c>&gt;</c>, a Windows editor) is to be saved as UTF-8. Every input is text, so any of these
/// is refused anyway; this only makes the message name it instead of "NUL bytes".
/// </summary>
internal static class BinaryContent
{
    /// <summary>
    /// A compressed file or archive, or UTF-32 text, recognised by its signature at the start of the input; null when
    /// the start is none of them (text, or binary of another kind: the NUL check judges that).
    /// </summary>
    public static string? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith([(byte)0x1F, (byte)0x8B])) return "gzip-compressed data; decompress it first (gunzip)";
        if (head.StartsWith([(byte)0x28, (byte)0xB5, (byte)0x2F, (byte)0xFD])) return "zstd-compressed data; decompress it first (zstd -d)";
        if (head.StartsWith([(byte)0xFD, (byte)0x37, (byte)0x7A, (byte)0x58, (byte)0x5A, (byte)0x00])) return "xz-compressed data; decompress it first (xz -d)";
        if (head.Length >= 10 && head.StartsWith("BZh"u8) && head[3] is >= (byte)'1' and <= (byte)'9' && head[4..].StartsWith("1AY&SY"u8))
            return "bzip2-compressed data; decompress it first (bunzip2)";
        if (head.StartsWith("PK\u0003\u0004"u8)) return "a zip archive; extract the file from it first";
        if (head.StartsWith([(byte)0xFF, (byte)0xFE, (byte)0x00, (byte)0x00]) || head.StartsWith([(byte)0x00, (byte)0x00, (byte)0xFE, (byte)0xFF]))
            return "UTF-32 text; save it as UTF-8";
        return null;
    }

    /// <summary>
    /// What NUL bytes at the start most likely mean: every other byte NUL around ASCII is UTF-16 without a byte-order
    /// mark (with one it is read), three in four is UTF-32.
    /// </summary>
    public static string NulBytes(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8)
        {
            if (head[0] != 0 && head[1] == 0 && head[2] == 0 && head[3] == 0 && head[4] != 0) return "NUL bytes: UTF-32 text without a byte-order mark? save it as UTF-8";
            if (head[0] == 0 && head[1] == 0 && head[2] == 0 && head[3] != 0) return "NUL bytes: UTF-32 text without a byte-order mark? save it as UTF-8";
            if (head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) return "NUL bytes: UTF-16 text without a byte-order mark? save it as UTF-8";
            if (head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) return "NUL bytes: UTF-16 text without a byte-order mark? save it as UTF-8";
        }
        return "NUL bytes";
    }
}
