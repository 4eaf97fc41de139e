using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// Lifecycle switches of oversight resources that no other rule reads hold the one value that keeps them working: a
/// Cloud Guard target set INACTIVE still names the enclave, its recipes and responders (so ENC-GOV-010 sees full
/// coverage) but runs no detector at all. An alert subscription OCI holds as PENDING (never confirmed: re-created, or its
/// confirmation mail never answered) or DELETED (the unsubscribe link every notification mail carries) and a topic being
/// deleted still name the gatekeepers' address and topic (so ENC-LOG-004/007/020 see delivery) while OCI delivers
/// nothing: their lifecycle state is an output, which the deployed state holds. One declared table, so a switch found
/// later is a line, not a rule.
/// </summary>
public sealed class OversightSwitchedOn : SinkRuleBase
{
    /// <summary>Per type, the switch input, the values that keep the resource working, and whether leaving it out does.</summary>
    private static readonly (string Type, string Key, string[] On, bool AbsentIsOn)[] Switches =
    [
        (OciTypes.CloudGuardTarget, "state", ["ACTIVE"], true),
        // Outputs only: absent until deployed (a new subscription is PENDING until the gatekeepers confirm it).
        (OciTypes.Subscription, "state", ["ACTIVE"], true),
        (OciTypes.NotificationTopic, "state", ["ACTIVE"], true),
        // Round 13: a flow or bucket log, or an event rule, that OCI holds INACTIVE, FAILED or DELETING still names what it
        // covers (so ENC-LOG-001/022 and ENC-LOG-004 see coverage) while nothing is logged or notified.
        (OciTypes.Log, "state", ["ACTIVE"], true),
        (OciTypes.EventRule, "state", ["ACTIVE"], true),
    ];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-050", "Oversight resources stay switched on", Severity.High, Enforcement.Mandatory,
        "An oversight resource that is switched off but otherwise intact (a Cloud Guard target made INACTIVE, an alert subscription left PENDING or unsubscribed, a log or event rule OCI holds INACTIVE or FAILED) still looks like coverage to every rule that reads its wiring, while the gatekeepers are told nothing.",
        "Leave the lifecycle state out (it defaults to on) or set it to the working value (Cloud Guard target state: ACTIVE); confirm every alert subscription (OCI mails the link) so its deployed state is ACTIVE, and re-create one that was unsubscribed.",
        Cis: "4.14")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var (type, key, on, absentIsOn) in Switches)
            foreach (var node in context.Graph.OfType(type))
            {
                var value = node.Input(key);
                var working = value.IsNull ? TruthLogic.Of(absentIsOn)
                    : value.Test(v => v.AsString() is { } s && on.Contains(s.Trim(), StringComparer.OrdinalIgnoreCase));
                sink.Judge(node.Urn, working,
                    $"{node.Label}: {key} {(value.IsNull ? "left at its default" : value.ToString())} keeps it working",
                    $"{node.Label}: {key} is {value}, not {string.Join(" or ", on)}: it names the enclave but does nothing",
                    $"{node.Label}: {key} not known until deploy");
            }
    }
}
