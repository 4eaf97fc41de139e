using Enclave.Alerts;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// Beyond CIS: every enclave threat event type (<see cref="ThreatEventAlerts"/>) is routed to the gatekeepers by a
/// usable event rule (root compartment, enabled, ONS action on a subscribed topic; judged per rule by ENC-LOG-004) of
/// each region where it is raised. Events are regional: a key deleted in the standby region is reported only there, so
/// a rule of another region vouches for nothing.
/// </summary>
public sealed class ThreatEventNotifications : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-020", "Exfiltration and blinding events reach the gatekeepers", Severity.High, Enforcement.Mandatory,
        "A disabled, moved, backed-up or replicated key, a database clone, wallet, Data Guard copy or access-list change, a stopped audit trail, a new API key, a changed network source or dynamic group, a moved compartment is how data leaves or oversight goes blind; the gatekeepers must hear of each within minutes, beyond what CIS asks, from the region where it happens.",
        "In every region the stack uses (identity types in the home region), declare root-compartment Events.Rule resources whose conditions list every type of ThreatEventTypes as Oracle spells it (with its .begin/.end suffix), each with an ONS action on a topic that has a subscription.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var (_, rules) = CisEventNotifications.JudgeRules(context);
        var usable = rules.Select(r => (r.Node.Region, r.Usable.Outcome, Types: CisEventNotifications.EventTypes(r.Node))).ToList();
        var (regions, unplaced) = Regions.AuditedRegions(context);
        var home = context.Policy.HomeRegion;
        var coverage = new Assessment();
        foreach (var region in regions)
        {
            var isHome = home is not null && string.Equals(region, home, StringComparison.OrdinalIgnoreCase);
            foreach (var alert in ThreatEventAlerts.All.Where(a => a.AppliesTo(isHome)))
                foreach (var type in alert.EventTypes)
                {
                    var need = EventTypes.Normalise(type);
                    coverage.Require(usable.Any(r => Regions.Same(r.Region, region).And(r.Outcome)
                            .And(r.Types is null ? Truth.Unknown : TruthLogic.Of(r.Types.Contains(need)))),
                        $"{type} ({alert.Slug}) in {region} is notified");
                }
        }
        if (unplaced is not null)
            coverage.Require(Truth.Unknown, $"the threat events of {unplaced.Label}'s region (not known until deploy) are notified");
        if (regions.Count == 0 && coverage.IsEmpty)
            coverage.Require(TruthLogic.Of(false), "a threat event rule exists");
        sink.Judge(Scope.StackUrn(context.Graph), "threat event notifications", coverage);
    }
}
