namespace Enclave.Policy.Inputs;

/// <summary>
/// A file input could not be read at all: missing, not a regular file, unreadable, too large, not text. The CLI
/// exits 3 for it (unreadable input) whatever the file was for; loaders with their own error type wrap it and
/// keep <see cref="Path"/> and <see cref="Problem"/>. The message is one line: the path, then what is wrong and
/// what would be valid.
/// </summary>
public sealed class InputFileException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    /// <summary>The path as the user gave it (<c>-</c> for standard input).</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong and what was expected, without the path.</summary>
    public string Problem { get; } = problem;
}
