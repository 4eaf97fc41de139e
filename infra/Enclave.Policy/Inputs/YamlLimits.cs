namespace Enclave.Policy.Inputs;

/// <summary>
/// Bounds on a YAML document, checked event by event while it is parsed (<see cref="SafeYaml"/>), so a hostile file
/// is refused before it costs time, memory or stack: nesting depth (counted through aliases) and the number of nodes
/// that aliases expand to ("billion laughs"). Size is bounded before parsing by the input's cap
/// (<see cref="InputKind"/>). The defaults are far above any stack config, waiver file or project file.
/// </summary>
public sealed record YamlLimits
{
    public static readonly YamlLimits Default = new();

    /// <summary>Deepest nesting of mappings and sequences, an alias counting as the node it stands for.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes that all aliases together may stand for (each alias counts its anchor's whole subtree).</summary>
    public long MaxAliasNodes { get; init; } = 100_000;

    /// <summary>
    /// Most items one list may hold, checked as each item starts: a file that is one long list (100k waivers under a
    /// raised size cap) stops at the first item over, before the rest is built into nodes. Unbounded by default (the
    /// size cap bounds stack configs and project files). Mappings are bounded by <see cref="MaxNodes"/>.
    /// </summary>
    public long MaxListItems { get; init; } = long.MaxValue;

    /// <summary>Most nodes the whole document may hold, aliases counted as what they stand for; unbounded by default.</summary>
    public long MaxNodes { get; init; } = long.MaxValue;

    /// <summary>What <see cref="MaxListItems"/> and <see cref="MaxNodes"/> stand for, added to their refusal (e.g. which variable raises them).</summary>
    public string? CountMeaning { get; init; }
}

/// <summary>
/// A YAML input could not be parsed within its limits. <see cref="Problem"/> is the reason (without location),
/// <see cref="Line"/> and <see cref="Column"/> are 1-based. <see cref="IsSyntax"/> tells a syntax error (the
/// parser's words) from a refusal by a limit or by a second document (our words, complete sentences).
/// </summary>
public sealed class YamlInputException(string problem, long line, long column, bool isSyntax, Exception? inner = null)
    : Exception($"{line}:{column}: {problem}", inner)
{
    public string Problem { get; } = problem;
    public long Line { get; } = line;
    public long Column { get; } = column;
    public bool IsSyntax { get; } = isSyntax;
}
