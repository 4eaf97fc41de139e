using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-090: on the types whose inputs are an allow-list (<see cref="ClosedInputs"/>: the database and its
/// backups, buckets, connectors, virtual circuits), every input set is one a rule reads or one known to be inert. The
/// type-level counterpart of ENC-GOV-020: a provider field no rule reads (a dedicated container database, a multicloud
/// subscription, zero-trust security attributes, a FastConnect partner or a routing policy) can do what a judged
/// field does by another route, so it is refused rather than passed unseen.
/// </summary>
public sealed class InputsAllJudged : RuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-090", "Data stores and links set only inputs the gate reads", Severity.Critical, Enforcement.Mandatory,
        "An input no rule reads (a dedicated container database, a multicloud subscription, zero-trust security attributes, a FastConnect partner or routing policy, a field the provider does not have) can open the same path as a judged one through another field, unseen.",
        "Leave the input unset, or add it to the gate with the rule that reads it (IsolationSettings) or, when it cannot widen access, to ClosedInputs as inert.")
    {
        Scope = RuleScope.Resource,
    };

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var judged = false;
        foreach (var type in ClosedInputs.Types)
            foreach (var node in context.Graph.OfType(type))
            {
                judged = true;
                var a = new Assessment().Require(Truth.True, "every input it sets is one the gate reads or knows to be inert");
                if (node.InputsUnknown) a.Require(Truth.Unknown, "its inputs are known (the preview step has no new state)");
                foreach (var (key, value) in node.Inputs.Entries)
                {
                    if (ClosedInputs.Accepts(type, key)) continue;
                    if (!ClosedInputs.IsSet(value)) continue;
                    a.Require(Truth.False, $"{key} is unset (no rule reads it)",
                        whenViolated: $"sets {key}, an input no rule of the gate reads (known, secret or computed alike): it could open what a judged input would, unseen");
                }
                yield return Judge(node.Urn, node.Label, a);
            }
        if (!judged) yield return Pass(Scope.StackUrn(context.Graph), "no resource of a type with closed inputs");
    }
}
