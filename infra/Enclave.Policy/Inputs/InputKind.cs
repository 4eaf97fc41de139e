namespace Enclave.Policy.Inputs;

/// <summary>
/// What a file input is for: named in errors ("expected …") and bounded by its own size cap, which an environment
/// variable may change (<see cref="SizeVariable"/>). JSON artifacts can be hundreds of megabytes; YAML written by
/// people never comes near a megabyte, so a larger one is refused before a parser sees it.
/// </summary>
public sealed record InputKind(string Expected, string SizeVariable, long DefaultMaxBytes)
{
    public const string JsonSizeVariable = "ENCLAVE_MAX_JSON_BYTES";
    public const string YamlSizeVariable = "ENCLAVE_MAX_YAML_BYTES";

    /// <summary>A preview, stack export, checkpoint or enclave plan (JSON).</summary>
    public static readonly InputKind Artifact = new(
        "a JSON file (`pulumi preview --json` output, an engine event log, a `pulumi stack export`, a checkpoint or an enclave plan)",
        JsonSizeVariable, 1L << 30);

    /// <summary><c>stacks/Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public static readonly InputKind StackConfig = new("a YAML stack config (Pulumi.<stack>.yaml)", YamlSizeVariable, 1L << 20) { FromStdin = false };

    /// <summary>A <c>--waivers</c> file.</summary>
    public static readonly InputKind Waivers = new("a YAML waiver file", YamlSizeVariable, 1L << 20);

    /// <summary><c>Pulumi.yaml</c>.</summary>
    public static readonly InputKind Project = new("a Pulumi.yaml project file", YamlSizeVariable, 1L << 20) { FromStdin = false };

    /// <summary>
    /// Whether a command takes this kind from standard input (<c>-</c>): a refusal suggests it only then (a stack config
    /// or Pulumi.yaml found as a FIFO was told to "pass '-'", which no command accepts for them).
    /// </summary>
    public bool FromStdin { get; init; } = true;

    /// <summary>The cap in force: <see cref="SizeVariable"/> when set, else <see cref="DefaultMaxBytes"/>.</summary>
    public long MaxBytes => InputLimits.MaxBytes(SizeVariable, DefaultMaxBytes);
}
