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

    /// <summary>Resources read before <see cref="MinBytesPerResource"/> is enforced: 10,000 (about 15 MB of findings and report).</summary>
    public int DenseResourcesFrom { get; init; } = 10_000;

    /// <summary>
    /// Fewest file bytes per resource, on average, past <see cref="DenseResourcesFrom"/> resources: 256. The graph's
    /// budget (<see cref="MaxKeptPerByte"/>) bounds loading, but every resource then costs the rules and the report
    /// about 1.5 KB of findings whatever its size, so 90,000 resources of 70 bytes (a 6 MB file) took 140–230 MB and
    /// 50,000 buckets of 170 bytes (8.5 MB) 380 MB. Real artifacts spend 450 bytes or more on the smallest resource
    /// (Pulumi's own test exports; the enclave's are 1.6 KB, the synthetic 200k state 2.3 KB).
    /// </summary>
    public int MinBytesPerResource { get; init; } = 256;

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
