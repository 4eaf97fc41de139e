using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules;

/// <summary>What a rule sees: the stack's resources and the enclave's policy context.</summary>
public sealed record RuleContext(ResourceGraph Graph, PolicyContext Policy);

/// <summary>
/// An isolation rule: a cross-resource check over the graph. Implementations are small, stateless, one per file,
/// and report a <see cref="Finding"/> per resource they judge (a pass too, so reports can show coverage).
/// </summary>
public interface IRule
{
    RuleInfo Info { get; }

    IEnumerable<Finding> Evaluate(RuleContext context);
}
