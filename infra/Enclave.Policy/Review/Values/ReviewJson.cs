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

    /// <summary>
    /// Runs <paramref name="write"/> into <paramref name="output"/> as it goes (the text <see cref="Build"/> returns,
    /// never held whole: a diff of two 200k-resource states is hundreds of megabytes). <paramref name="write"/> hands
    /// what it holds on between items with <see cref="Reports.TextWriterStream.FlushWhenFull"/>.
    /// </summary>
    public static void WriteTo(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using (var stream = new Reports.TextWriterStream(output))
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
            write(w);
        output.Write('\n');
    }
}
