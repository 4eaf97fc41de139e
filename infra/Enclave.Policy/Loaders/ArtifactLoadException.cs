namespace Enclave.Policy.Loaders;

/// <summary>
/// An input artifact (preview JSON, stack export, checkpoint) could not be used. The message is one line meant for a
/// user: which file, where (line and byte, or the JSON path), and what was expected. Never carries file content.
/// </summary>
public sealed class ArtifactLoadException : Exception
{
    public ArtifactLoadException(string file, string problem, long? line = null, long? bytePositionInLine = null,
        string? jsonPath = null, Exception? inner = null)
        : base(Compose(file, OneLine(problem), line, bytePositionInLine, jsonPath), inner)
    {
        File = file;
        Problem = OneLine(problem);
        Line = line;
        BytePositionInLine = bytePositionInLine;
        JsonPath = jsonPath;
    }

    /// <summary>The file (or source label) that failed.</summary>
    public string File { get; }
    /// <summary>What is wrong and what was expected, without the location.</summary>
    public string Problem { get; }
    /// <summary>1-based line, when the JSON reader knew it.</summary>
    public long? Line { get; }
    /// <summary>1-based byte position within <see cref="Line"/>, when known.</summary>
    public long? BytePositionInLine { get; }
    /// <summary>Path of the offending element, e.g. <c>steps[3].newState.inputs</c>, for well-formed JSON of the wrong shape.</summary>
    public string? JsonPath { get; }

    /// <summary>Problems quote file content (a bad URN, a key): one line, escaped and of readable length (the shared escaper).</summary>
    private static string OneLine(string text) => Enclave.Escaping.SafeText.Escape(text, 300);

    private static string Compose(string file, string problem, long? line, long? bytePos, string? jsonPath)
    {
        var where = line is { } l
            ? bytePos is { } b ? $"{file}:{l}:{b}" : $"{file}:{l}"
            : jsonPath is { Length: > 0 } p ? $"{file} at {p}" : file;
        return $"{where}: {problem}";
    }
}
