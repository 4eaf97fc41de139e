using System.Text.Json;

namespace Enclave.Policy.Loaders.Json;

/// <summary>The JSON reader's syntax errors in a user's words (the position is reported beside, as file:line:column).</summary>
internal static class JsonErrors
{
    public static string Explain(JsonException e, LoadLimits limits)
    {
        var text = e.Message;
        if (text.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("depth", StringComparison.OrdinalIgnoreCase) && text.Contains("max", StringComparison.OrdinalIgnoreCase))
            return $"JSON nested deeper than {limits.MaxDepth} levels; no Pulumi artifact is that deep";
        if (text.Contains("after a single JSON value", StringComparison.OrdinalIgnoreCase))
            return "more content after the end of the JSON document (two documents in one file?)";
        if (text.Contains("end of data", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("Expected depth to be zero", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("incomplete", StringComparison.OrdinalIgnoreCase))
            return "JSON ends before the document is complete (truncated file?)";
        if (text.Contains("invalid UTF-8", StringComparison.OrdinalIgnoreCase) || text.Contains("UTF8", StringComparison.OrdinalIgnoreCase))
            return "not valid UTF-8 text; expected a UTF-8 JSON document";
        // The reader's own wording, without its trailing location (reported separately).
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "malformed JSON: " + QuoteShort((cut > 0 ? text[..cut] : text).TrimEnd('.', ' '));
    }

    /// <summary>
    /// The reader quotes a bad literal with everything after it in its buffer ("'this is junk\n{…' is an invalid JSON
    /// literal"): a junk line in an event log echoed the next 4,000 characters of the file. Cut to a short quote.
    /// </summary>
    private static string QuoteShort(string message)
    {
        const string literal = "' is an invalid JSON literal";
        var end = message.IndexOf(literal, StringComparison.Ordinal);
        if (!message.StartsWith('\'') || end < 0 || end <= QuoteLength + 1) return message;
        return message[..(QuoteLength + 1)] + "…" + message[end..];
    }

    private const int QuoteLength = 40;
}
