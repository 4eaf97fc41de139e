namespace Enclave.Policy.Waivers;

/// <summary>A waiver file could not be used: <see cref="Unreadable"/> when it could not be read at all, else invalid content.</summary>
public sealed class WaiverFileException(string file, string problem, long? line = null, bool unreadable = false)
    : Exception(line is { } l ? $"{file}:{l}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public long? Line { get; } = line;
    public bool Unreadable { get; } = unreadable;
}
