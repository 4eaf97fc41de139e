using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>Beyond CIS: every enclave threat event type (<see cref="ThreatEventTypes"/>) is routed to the gatekeepers by
/// a usable event rule (root compartment, enabled, ONS action on a subscribed topic; judged per rule by ENC-LOG-004).</summary>
public sealed class ThreatEventNotifications : RuleBase
{
    public override RuleInfo Info { get; } = new(
        "ENC-LOG-020", "Exfiltration and blinding events reach the gatekeepers", Severity.High, Enforcement.Mandatory,
        "A PAR, a remote peering, a new on-prem link or DRG route, a disabled or replicated key, a database clone, wallet or access-list change, a new API key or a changed network source is how data leaves or oversight goes blind; the gatekeepers must hear of each within minutes, beyond what CIS asks.",
        "Declare root-compartment Events.Rule resources whose conditions list every type of ThreatEventTypes, each with an ONS action on a topic that has a subscription.");

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var (_, rules) = CisEventNotifications.JudgeRules(context);
        var usable = rules.Select(r => (r.Usable.Outcome, Types: CisEventNotifications.EventTypes(r.Node))).ToList();
        var coverage = new Assessment();
        foreach (var (topic, types) in ThreatEventTypes.All)
            foreach (var type in types)
            {
                var need = CisEventTypes.Normalise(type);
                coverage.Require(usable.Any(r => r.Outcome.And(r.Types is null ? Truth.Unknown : TruthLogic.Of(r.Types.Contains(need)))),
                    $"{type} ({topic}) is notified");
            }
        yield return Judge(Scope.StackUrn(context.Graph), "threat event notifications", coverage);
    }
}
