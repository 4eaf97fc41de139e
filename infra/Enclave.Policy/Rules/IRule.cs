using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules;

/// <summary>What a rule sees: the stack's resources and the enclave's policy context.</summary>
public sealed record RuleContext(ResourceGraph Graph, PolicyContext Policy)
{
    /// <summary>The waivers in force (only the waiver-governance rules read them; the engine applies them).</summary>
    public Waivers.WaiverSet Waivers { get; init; } = Enclave.Policy.Waivers.WaiverSet.Empty;

    /// <summary>The evaluation date (waiver expiry).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
}

/// <summary>
/// An isolation rule: a cross-resource check over the graph. Implementations are small, stateless, one per file,
/// and report a <see cref="Finding"/> per resource they judge (a pass too, so reports can show coverage).
/// </summary>
public interface IRule
{
    RuleInfo Info { get; }

    IEnumerable<Finding> Evaluate(RuleContext context);
}
