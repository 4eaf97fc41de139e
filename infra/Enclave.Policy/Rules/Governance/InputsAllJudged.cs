using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-090: on every type the program creates and every network, key or copy type a change could add
/// (<see cref="ClosedInputs"/>), every input set is one a rule reads, one known to be inert, or one held at the
/// program's value. The type-level counterpart of ENC-GOV-020: a provider field no rule reads (zero-trust security
/// attributes, a dedicated container database, a Bastion's DNS proxy, a key restored from a file, a secret's retrieval
/// rules) can do what a judged field does by another route, so it is refused rather than passed unseen. The same holds
/// for every field of an object input (a log's <c>configuration.source.parameters</c>, a connector's
/// <c>target.functionId</c>, a detector override's <c>details.configurations</c>): its shape (<see cref="InputShape"/>)
/// lists the fields a rule reads or that are inert, and an object whose fields cannot be read is undetermined.
/// </summary>
public sealed class InputsAllJudged : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-090", "Resources set only inputs the gate reads", Severity.Critical, Enforcement.Mandatory,
        "An input no rule reads (zero-trust security attributes, a dedicated container database, a FastConnect partner, a Bastion's DNS proxy, a key restored from a file, a field the provider does not have) can open the same path as a judged one through another field, unseen.",
        "Leave the input unset (or at the program's value), or add it to the gate with the rule that reads it (IsolationSettings) or, when it cannot widen access, to ClosedInputTables as inert with the reason.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var judged = false;
        var tables = ClosedInputs.Tables;
        // One assessment for every resource (each finding copies its message's parts, Assessment.Clear): this rule
        // judges nearly every resource of the graph, and made an assessment for each.
        var a = new Assessment();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            foreach (var node in context.Graph.OfType(table.Type))
            {
                judged = true;
                a.Clear().Require(Truth.True, "every input it sets is one the gate reads or knows to be inert");
                if (node.InputsUnknown) a.Require(Truth.Unknown, "its inputs are known (the preview step has no new state)");
                foreach (var (key, value) in node.Inputs.Entries)
                {
                    if (ClosedInputs.Accepts(table, key))
                    {
                        // Below the top level too: each field of an object input is declared, or it fails (ClosedShape).
                        var shape = table.Shapes.GetValueOrDefault(key);
                        if (shape is not { AnyField: true }) InputShape.Judge(a, key, value, shape);
                        continue;
                    }
                    if (table.Pinned.TryGetValue(key, out var pin))
                    {
                        var outcome = pin.Judge(value);
                        a.Require(outcome, pin.Requirement,
                            whenViolated: outcome == Truth.False ? $"sets {key}, held at {pin.Allowed} (as the program sets it)" : null);
                        continue;
                    }
                    if (!ClosedInputs.IsSet(value)) continue;
                    a.Require(Truth.False, $"{key} is unset (no rule reads it)",
                        whenViolated: $"sets {key}, an input no rule of the gate reads (known, secret or computed alike): it could open what a judged input would, unseen");
                }
                sink.Judge(node.Urn, node.Label, a);
            }
        }
        if (!judged) sink.Pass(Scope.StackUrn(context.Graph), "no resource of a type with closed inputs");
    }
}
