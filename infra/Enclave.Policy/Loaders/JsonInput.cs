using System.Text;
using System.Text.Json;
using Enclave.Policy.Inputs;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Reads a JSON file into a <see cref="JsonDocument"/> under <see cref="LoadLimits"/>, turning every way it can fail
/// (missing, unreadable, too big, binary, UTF-16, malformed, truncated, too deep) into an <see cref="ArtifactLoadException"/>.
/// </summary>
internal static class JsonInput
{
    public static JsonDocument ReadFile(string path, LoadLimits limits)
    {
        byte[] bytes;
        // The shared opener: regular files or '-' only, the size cap enforced while reading, binary refused early.
        try { bytes = InputFile.ReadAllBytes(path, InputKind.Artifact, limits.MaxFileBytes); }
        catch (InputFileException e) { throw new ArtifactLoadException(e.Path, e.Problem, inner: e); }
        return Parse(bytes, path, limits);
    }

    public static JsonDocument Parse(ReadOnlyMemory<byte> bytes, string source, LoadLimits limits)
    {
        bytes = Normalise(bytes, source);
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions
            {
                MaxDepth = limits.MaxDepth,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
            });
        }
        catch (JsonException e)
        {
            throw new ArtifactLoadException(source, Explain(e, bytes, limits), (e.LineNumber ?? 0) + 1,
                (e.BytePositionInLine ?? 0) + 1);
        }
    }

    /// <summary>
    /// Runs the reading of a parsed document. The parser checks structure, not the UTF-8 inside strings: a bad
    /// sequence surfaces only when a string is read, and becomes the same clear error here.
    /// </summary>
    public static T Read<T>(string source, Func<T> read)
    {
        try { return read(); }
        catch (InvalidOperationException e) when (e.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) ||
                                                  e.Message.Contains("transcode", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArtifactLoadException(source, "invalid UTF-8 inside a string; expected a UTF-8 JSON document");
        }
        catch (InvalidOperationException e) when (e.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
        {
            // "\ud800" is valid JSON syntax for a character that does not exist: no reader can return that string.
            throw new ArtifactLoadException(source, "a string escapes an unpaired surrogate (\\ud800-\\udfff); expected valid Unicode text");
        }
    }

    /// <summary>Strips a UTF-8 BOM, transcodes UTF-16 (PowerShell's <c>&gt;</c> writes it), rejects binary and empty input.</summary>
    private static ReadOnlyMemory<byte> Normalise(ReadOnlyMemory<byte> bytes, string source)
    {
        var span = bytes.Span;
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) return Normalise(bytes[3..], source);
        if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
        {
            var encoding = span[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return Encoding.UTF8.GetBytes(encoding.GetString(span[2..]));
        }
        if (span.IsEmpty || span.Trim(" \t\r\n"u8).IsEmpty)
            throw new ArtifactLoadException(source, "file is empty; expected a JSON document (did the pulumi command fail?)");
        var probe = span[..Math.Min(span.Length, 8192)];
        if (probe.IndexOf((byte)0) >= 0)
            throw new ArtifactLoadException(source, "binary content (NUL bytes); expected a UTF-8 JSON document");
        return bytes;
    }

    private static string Explain(JsonException e, ReadOnlyMemory<byte> bytes, LoadLimits limits)
    {
        var text = e.Message;
        if (text.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("depth", StringComparison.OrdinalIgnoreCase) && text.Contains("max", StringComparison.OrdinalIgnoreCase))
            return $"JSON nested deeper than {limits.MaxDepth} levels; no Pulumi artifact is that deep";
        if (text.Contains("end of data", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("Expected depth to be zero", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("incomplete", StringComparison.OrdinalIgnoreCase))
            return "JSON ends before the document is complete (truncated file?)";
        if (text.Contains("invalid UTF-8", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("UTF8", StringComparison.OrdinalIgnoreCase))
            return "not valid UTF-8 text; expected a UTF-8 JSON document";
        var first = bytes.Span.TrimStart(" \t\r\n"u8);
        if (first.Length > 0 && first[0] != (byte)'{' && first[0] != (byte)'[')
            return "not JSON: expected '{' (if other command output precedes the JSON, remove it)";
        // The reader's own wording (without its trailing location, which we report ourselves).
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "malformed JSON: " + (cut > 0 ? text[..cut] : text).TrimEnd('.', ' ');
    }
}
