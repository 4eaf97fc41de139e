using Enclave.Policy.Rules.Common;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Rules.Governance;

/// <summary>A waiver covers one resource unless it says otherwise: a broad glob would quietly cover what is added later.</summary>
public sealed class WaiversNarrow : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-901", "A waiver covers one resource unless it says matches: many", Severity.High, Enforcement.Mandatory,
        "A waiver is an accepted risk on a known resource. A URN glob that matches several resources also covers every resource added later that happens to match, which switches the gate off for them without anyone accepting that risk; such a waiver must say so (`matches: many`) for reviewers to see, or it suppresses nothing.",
        "Narrow the waiver's urn to the one resource, or add `matches: many` after the gatekeepers have agreed that it covers all of them.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var w in context.Waivers.Waivers)
        {
            if (w.MatchesMany) continue;
            var matched = context.Waivers.Matched(w, context.Graph, 3).Select(r => r.Label).ToList();
            sink.Add(matched.Count > 1
                ? Fail(w.UrnPattern, $"waiver for {w.Rule} on {w.UrnPattern} ({w.Location}) matches {(matched.Count > 2 ? "more than two" : "two")} resources ({string.Join(", ", matched.Take(2))}…) without `matches: many`, so it suppresses nothing")
                : Pass(w.UrnPattern, $"waiver for {w.Rule} on {w.UrnPattern} ({w.Location}) matches {(matched.Count == 0 ? "no resource" : "one resource")}"));
        }
    }
}
