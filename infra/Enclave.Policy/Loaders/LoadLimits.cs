namespace Enclave.Policy.Loaders;

/// <summary>
/// Bounds on what the loaders accept, so a hostile or broken file ends in one clear error instead of exhausting
/// memory or the stack. The defaults fit any real Pulumi artifact with a wide margin.
/// </summary>
public sealed record LoadLimits
{
    public static readonly LoadLimits Default = new();

    private readonly long? _maxFileBytes;

    /// <summary>
    /// Largest file read (bytes); by default the artifact cap of <see cref="Inputs.InputKind.Artifact"/>
    /// (<c>ENCLAVE_MAX_JSON_BYTES</c>, else 1 GiB). The JSON is parsed in place, so memory is about twice this.
    /// </summary>
    public long MaxFileBytes { get => _maxFileBytes ?? Inputs.InputKind.Artifact.MaxBytes; init => _maxFileBytes = value; }

    /// <summary>
    /// Longest single token (a string, with its escapes, or a number), in bytes: 64 MiB. Bounds the read buffer, and
    /// the string made of it, to a small multiple of this rather than of the file.
    /// </summary>
    public int MaxTokenBytes { get; init; } = 64 << 20;

    /// <summary>Deepest JSON nesting accepted. Pulumi values rarely pass 20 levels.</summary>
    public int MaxDepth { get; init; } = 256;
}
