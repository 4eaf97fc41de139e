using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Enclave.Policy.Review.Values;

/// <summary>
/// Writer settings shared by every enclave JSON document, chosen for byte-for-byte reproducibility: two-space
/// indentation, <c>\n</c> newlines on every OS, readable (not \u-escaped) non-ASCII, a final newline.
/// </summary>
public static class ReviewJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        IndentCharacter = ' ',
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the document text.</summary>
    public static string Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) { write(w); }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
