using Enclave.Alerts;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 9 (network, data and oversight side). An audit-alert connector stripped of its logRule task posts
/// every audit record of its region to the gatekeepers' topic, where Notifications' delivery limits drop the alerts
/// among the tenancy's whole traffic: it counts for no operation (ENC-LOG-021).
/// </summary>
public sealed class Round9Attacks : AttackClass
{
    public override string Name => "Round9";

    private const string AshburnAlerts = "oversight-us-ashburn-1-audit-alerts";
    private const string PhoenixAlerts = "oversight-us-phoenix-1-audit-alerts";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("Ashburn audit-alert connector's tasks removed (every record floods the topic)", "ENC-LOG-021", p =>
        {
            p.Resource(AshburnAlerts).Remove("tasks");
            return p.StackUrn;
        });
        yield return Attack("Phoenix audit-alert connector's task list emptied", "ENC-LOG-021", p =>
        {
            p.Resource(PhoenixAlerts).Set("tasks", Value.List());
            return p.StackUrn;
        });
        yield return Legitimate("audit-alert operations listed in another order", p =>
            p.Resource(AshburnAlerts).Set("tasks[0].condition", AuditCondition.For(AuditAlerts.OperationsIn(true).Reverse())));
    }
}
