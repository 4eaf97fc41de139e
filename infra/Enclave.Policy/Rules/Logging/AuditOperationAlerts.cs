using Enclave.Alerts;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// Beyond CIS, for what the Events service does not report (<see cref="AuditAlerts"/>): in every region the stack uses,
/// an active Service Connector reads that region's audit log of every compartment, keeps the alerted operations and
/// notifies a topic that has a subscription. Its filter must be the plain disjunction <see cref="AuditCondition"/>
/// writes; any other filter is not understood and so vouches for nothing. A connector with no filter at all alerts on
/// nothing either: it would post every audit record of the region to the gatekeepers' topic, where Notifications'
/// delivery limits drop the few alerts among the whole tenancy's traffic (and the gatekeepers stop reading them).
/// </summary>
public sealed class AuditOperationAlerts : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-021", "Operations without events reach the gatekeepers from the audit log", Severity.High, Enforcement.Mandatory,
        "A pre-authenticated request, a remote peering, a DRG route table, an IPSec, CPE or FastConnect change, or a change to the log pipeline emits no event: only the audit log of its region records it. Unless a connector of each region reads that audit log and notifies a subscribed topic of these operations, the gatekeepers never hear of them.",
        "In every region the stack uses, declare a Sch.Connector (that region's provider) with source kind logging over _Audit_Include_Subcompartment on the tenancy, one logRule task whose condition is data.eventName = '<operation>' or … for every operation of the audit-alert catalogue (a connector without that task floods the topic and counts for nothing), and target kind notifications on a topic that has a subscription.");

    private sealed record AlertConnector(ResourceNode Node, Truth Usable, IReadOnlySet<string>? Operations)
    {
        /// <summary>No task at all: it forwards every record (known, so never a value computed at deploy).</summary>
        public bool Unfiltered { get; init; }

        /// <summary>Does it notify of <paramref name="operation"/> in <paramref name="region"/>?</summary>
        public Truth Alerts(string operation, string region) =>
            Usable.And(Regions.Same(Node.Region, region))
                .And(Operations is null ? Truth.Unknown : TruthLogic.Of(Operations.Contains(operation)));
    }

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var connectors = AlertConnectors(context);
        var (regions, unplaced) = Regions.AuditedRegions(context);
        var home = context.Policy.HomeRegion;
        var a = new Assessment();
        foreach (var region in regions)
        {
            var isHome = home is not null && string.Equals(region, home, StringComparison.OrdinalIgnoreCase);
            foreach (var alert in AuditAlerts.All.Where(x => x.AppliesTo(isHome)))
                foreach (var operation in alert.Operations)
                    a.Require(connectors.Any(c => c.Alerts(operation, region)), $"{operation} ({alert.Slug}) in {region} is notified");
        }
        if (unplaced is not null)
            a.Require(Truth.Unknown, $"the audit log of {unplaced.Label}'s region (not known until deploy) is alerted on");
        foreach (var flood in connectors.Where(c => c.Unfiltered && c.Usable != Truth.False))
            a.Require(Truth.False, $"{flood.Node.Label} filters the audit log to the alerted operations",
                $"{flood.Node.Label} has no logRule task: it posts every audit record of its region to the topic, whose delivery limits drop the alerts among them");
        if (regions.Count == 0 && a.IsEmpty)
            a.Require(TruthLogic.Of(false), "an audit-alert connector exists");
        sink.Judge(Scope.StackUrn(context.Graph), "audit-log alerts", a);
    }

    /// <summary>Every connector, with whether it can alert (logging source over the tenancy's audit log of every
    /// compartment, active, notifications target on a subscribed topic) and the operations its filter keeps.</summary>
    private static List<AlertConnector> AlertConnectors(RuleContext context)
    {
        var g = context.Graph;
        var topics = g.OfType(OciTypes.NotificationTopic).ToList();
        var subscriptions = g.OfType(OciTypes.Subscription).ToList();
        Truth Subscribed(ResourceNode topic) =>
            subscriptions.Any(s => References.Identifies(g, s, "topicId", s.Input("topicId"), topic));

        var archives = ArchiveConnector.All(g);
        var result = new List<AlertConnector>();
        foreach (var archive in archives)
        {
            var node = archive.Node;
            var target = node.Input("target");
            var state = node.Input("state");
            var usable = node.Input("source")["kind"].EqualsString("logging", StringComparison.OrdinalIgnoreCase)
                .And(state.IsNull ? Truth.True : state.EqualsString("ACTIVE", StringComparison.OrdinalIgnoreCase))
                .And(archive.ShipsAudit(context.Policy))
                .And(target["kind"].EqualsString("notifications", StringComparison.OrdinalIgnoreCase))
                .And(topics.Any(t => References.Identifies(g, node, "target", target["topicId"], t).And(Subscribed(t))));
            var tasks = node.Input("tasks");
            result.Add(new AlertConnector(node, usable, Operations(tasks)) { Unfiltered = tasks.IsKnown && tasks.AsList().Length == 0 });
        }
        return result;
    }

    /// <summary>
    /// The operations the connector's tasks let through; null when not known until deploy. Without a task it forwards
    /// every audit record, a flood in which none of them is an alert anyone reads: none. Filters compose (a record passes every logRule task); a task of another kind (a function)
    /// may drop or rewrite anything, so the gate vouches for nothing passing it.
    /// </summary>
    private static IReadOnlySet<string>? Operations(PropertyValue tasks)
    {
        if (!tasks.IsKnown) return null;
        if (tasks.AsList().Length == 0) return new HashSet<string>();
        IReadOnlySet<string> kept = AuditAlerts.All.SelectMany(a => a.Operations).ToHashSet(StringComparer.Ordinal);
        foreach (var task in tasks.AsList())
        {
            if (!task.IsKnown || !task["kind"].IsKnown || !task["condition"].IsKnown) return null;
            if (task["kind"].EqualsString("logRule", StringComparison.OrdinalIgnoreCase) != Truth.True) return new HashSet<string>();
            var these = AuditCondition.Operations(task["condition"].AsString());
            kept = these is null ? new HashSet<string>() : kept.Where(these.Contains).ToHashSet(StringComparer.Ordinal);
        }
        return kept;
    }
}
