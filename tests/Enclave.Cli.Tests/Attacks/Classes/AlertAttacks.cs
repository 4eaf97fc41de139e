using Enclave.Alerts;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Silencing the gatekeepers: the threat event rules of each region (ENC-LOG-020: a rule of another region, or a type
/// Oracle never emits, vouches for nothing) and the audit-log alerts for operations without an
/// event (ENC-LOG-021: a PAR, a remote peering, an IPSec, CPE or FastConnect change, a DRG route table, the log
/// pipeline), each region's own; and the read logs of every bucket (ENC-LOG-022), without which a download of the data
/// leaves no trace.
/// </summary>
public sealed class AlertAttacks : AttackClass
{
    private const string PhoenixAlerts = "oversight-us-phoenix-1-audit-alerts";
    private const string AshburnAlerts = "oversight-us-ashburn-1-audit-alerts";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("PAR creation filtered out of the Phoenix audit alerts", "ENC-LOG-021", p =>
        {
            p.Resource(PhoenixAlerts).Set("tasks[0].condition", AuditCondition.For(AuditAlerts.OperationsIn(false).Remove("CreatePreauthenticatedRequest")));
            return p.StackUrn;
        });
        yield return Attack("audit-alert filter narrowed to one compartment", "ENC-LOG-021", p =>
        {
            p.Resource(AshburnAlerts).Set("tasks[0].condition",
                AuditCondition.For(AuditAlerts.OperationsIn(true)) + " and data.compartmentName = 'scratch'");
            return p.StackUrn;
        });
        yield return Attack("audit alerts deactivated", "ENC-LOG-021", p =>
        {
            p.Resource(AshburnAlerts).Set("state", "INACTIVE");
            return p.StackUrn;
        });
        yield return Attack("audit alerts re-routed into a bucket", "ENC-LOG-021", p =>
        {
            p.Resource(PhoenixAlerts).Set("target.kind", "objectStorage");
            return p.StackUrn;
        });
        yield return Attack("audit alerts read the root compartment only", "ENC-LOG-021", p =>
        {
            p.Resource(AshburnAlerts).Set("source.logSources[0].logGroupId", "_Audit");
            return p.StackUrn;
        });
        yield return Attack("Phoenix audit-alert connector deleted", "ENC-LOG-021", p =>
        {
            p.Remove(PhoenixAlerts);
            return p.StackUrn;
        });
        yield return Attack("wallet downloads no longer notified", "ENC-LOG-020", p =>
        {
            var rule = p.Resource("oversight-us-ashburn-1-database-security");
            var condition = rule.Inputs["condition"]!.GetValue<string>()
                .Replace("\"com.oraclecloud.databaseservice.generateautonomousdatabasewallet\",", "", StringComparison.Ordinal);
            rule.Set("condition", condition);
            return p.StackUrn;
        });
        yield return Attack("key deletion alerts disabled in Phoenix", "ENC-LOG-020", p =>
        {
            p.Resource("oversight-us-phoenix-1-vault-and-key-lifecycle").Set("isEnabled", false);
            return p.StackUrn;
        });
        yield return Attack("key disabling spelt without .begin (a type that never fires)", "ENC-LOG-020", p =>
        {
            var rule = p.Resource("oversight-us-phoenix-1-vault-and-key-lifecycle");
            rule.Set("condition", rule.Inputs["condition"]!.GetValue<string>()
                .Replace("keymanagementservice.disablekey.begin", "keymanagementservice.disablekey", StringComparison.Ordinal));
            return p.StackUrn;
        });
        // ENC-LOG-022: exfiltration is a read; a bucket whose reads are not logged is read without trace.
        yield return Attack("user-data read log removed", "ENC-LOG-022", p =>
        {
            p.Remove("oversight-archive-us-ashburn-1-user-data-bucket-read-log");
            return p.Resource("storage-user-data").Urn;
        });
        yield return Attack("user-data read log disabled", "ENC-LOG-022", p =>
        {
            p.Resource("oversight-archive-us-ashburn-1-user-data-bucket-read-log").Set("isEnabled", false);
            return p.Resource("storage-user-data").Urn;
        });
        yield return Attack("user-data read log turned into a second write log", "ENC-LOG-022", p =>
        {
            p.Resource("oversight-archive-us-ashburn-1-user-data-bucket-read-log").Set("configuration.source.category", "write");
            return p.Resource("storage-user-data").Urn;
        });
        yield return Attack("Phoenix archive read log pointed at another bucket", "ENC-LOG-022", p =>
        {
            p.Resource("oversight-archive-us-phoenix-1-archive-bucket-read-log").Set("configuration.source.resource", "scratch-bucket");
            return p.Resource("oversight-archive-us-phoenix-1-bucket").Urn;
        });
        yield return Legitimate("audit alerts extended to another operation", p =>
            p.Resource(AshburnAlerts).Set("tasks[0].condition", AuditCondition.For([.. AuditAlerts.OperationsIn(true), "DeleteBucket"])));
    }
}
