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

    /// <summary>
    /// The rule's findings written into <paramref name="sink"/>, in the order <see cref="Evaluate(RuleContext)"/> gives
    /// them: what the evaluator calls. By default it copies that sequence; a rule that writes into the sink itself
    /// (<see cref="Common.SinkRuleBase"/>) makes no finding object at all.
    /// </summary>
    void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var finding in Evaluate(context)) sink.Add(finding);
    }
}
