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

    /// <summary>
    /// Property values read before <see cref="MinBytesPerValue"/> is enforced: a million values, a few tens of MB of
    /// memory however they are written.
    /// </summary>
    public long DenseValuesFrom { get; init; } = 1_000_000;

    /// <summary>
    /// Fewest input bytes per property value, on average, past <see cref="DenseValuesFrom"/> values. Real artifacts
    /// spend 28 to 65 bytes on each (a key, quotes, a value of some length); a file of <c>[0,0,0,…]</c> or
    /// <c>[[],[],…]</c> spends 2 or 3, and each value costs the graph at least a reference and often an object, so
    /// 60 MB of zeros took 750 MB (12 times the file). At 16 bytes a value the graph stays a small multiple of the file.
    /// </summary>
    public int MinBytesPerValue { get; init; } = 16;

    /// <summary>Deepest JSON nesting accepted. Pulumi values rarely pass 20 levels.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// Estimated memory the loaded graph may keep before <see cref="MaxKeptPerByte"/> is enforced: 32 MiB, so a small
    /// file, whose every key and type is still a first occurrence, is never refused for that.
    /// </summary>
    public long KeptFrom { get; init; } = 32L << 20;

    /// <summary>
    /// Most estimated memory the loaded graph may keep per byte of the file, past <see cref="KeptFrom"/>: 1.5. Real
    /// artifacts keep about half their size (a 233 MB export of 100k resources: 125 MB), as keys, types and parents
    /// repeat and are shared; the process then stays within three times the file with the rules' work on top.
    /// </summary>
    public double MaxKeptPerByte { get; init; } = 1.5;
}
