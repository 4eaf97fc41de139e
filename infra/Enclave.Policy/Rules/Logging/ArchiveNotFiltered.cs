using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// Service Connectors ship logs to the archive as they are: no task (a <c>logRule</c> condition that drops events, a
/// function that rewrites them) stands between the audit log and the archive bucket. A connector that notifies (target
/// kind <c>notifications</c>: the audit-log alerts) archives nothing and must filter; ENC-LOG-021 judges its filter, and a
/// connector turned from the archive into a notifier leaves its region without an archive (ENC-LOG-002).
/// </summary>
public sealed class ArchiveNotFiltered : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-006", "Connectors archive every event, unfiltered", Severity.Critical, Enforcement.Mandatory,
        "A connector task decides what reaches the archive: a log-rule condition can drop the parent company's API calls, a function can rewrite them. The oversight's copy must be the whole audit log.",
        "Remove the tasks from the Service Connector (no logRule condition, no function task).",
        Cis: "OBP-SIEM-1..5")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var connector in context.Graph.OfType(OciTypes.Connector))
        {
            if (connector.Input("target")["kind"].EqualsString("notifications", StringComparison.OrdinalIgnoreCase) == Truth.True)
            {
                sink.Pass(connector.Urn, $"{connector.Label}: notifies the gatekeepers, archives nothing (its filter is ENC-LOG-021's)");
                continue;
            }
            var tasks = connector.Input("tasks");
            var none = tasks.IsKnown ? TruthLogic.Of(tasks.AsList().Length == 0) : Truth.Unknown;
            sink.Judge(connector.Urn, none,
                $"{connector.Label}: no task filters or rewrites what it ships",
                $"{connector.Label}: {Describe(tasks)} between its logs and its target: events can be dropped or rewritten before the archive",
                $"{connector.Label}: its tasks are not known until deploy");
        }
    }

    private static string Describe(PropertyValue tasks)
    {
        var items = tasks.AsList();
        var kinds = items.Select(t => t["kind"].ToString()).Distinct();
        var condition = items.Select(t => t["condition"].AsString()).FirstOrDefault(c => c is not null);
        return $"task(s) {string.Join(", ", kinds)}{(condition is null ? "" : $" with condition \"{Shorten(condition)}\"")}";
    }

    private static string Shorten(string s) => s.Length > 120 ? s[..120] + "…" : s;
}
