using System.Text.Json.Nodes;
using Enclave.Alerts;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 9 (network, data and oversight side). An audit-alert connector stripped of its logRule task posts
/// every audit record of its region to the gatekeepers' topic, where Notifications' delivery limits drop the alerts
/// among the tenancy's whole traffic: it counts for no operation (ENC-LOG-021). The database naming the stack's key
/// at the top level and another tenancy's in encryptionKey passed: ENC-DB-003 read only the first it found.
/// </summary>
public sealed class Round9Attacks : AttackClass
{
    public override string Name => "Round9";

    private const string AshburnAlerts = "oversight-us-ashburn-1-audit-alerts";
    private const string PhoenixAlerts = "oversight-us-phoenix-1-audit-alerts";
    private const string Adb = "oci:Database/autonomousDatabase:AutonomousDatabase";

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
        yield return Attack("database given another tenancy's key in encryptionKey beside its own kmsKeyId", "ENC-DB-003", p =>
            p.Resource("database-adb", Adb).Set("encryptionKey", new JsonObject
            {
                ["autonomousDatabaseProvider"] = "OCI", ["kmsKeyId"] = "ocid1.key.oc1.iad.aaaaaaaaparentkey",
                ["vaultId"] = p.Resource("database-adb", Adb).Inputs["vaultId"]!.DeepClone(),
            }));
        yield return Attack("database given another tenancy's vault in encryptionKey beside its own vaultId", "ENC-DB-003", p =>
            p.Resource("database-adb", Adb).Set("encryptionKey", new JsonObject { ["vaultId"] = "ocid1.vault.oc1.iad.aaaaaaaaparentvault" }));
        yield return Legitimate("database's encryptionKey naming the same key and vault as its kmsKeyId and vaultId", p =>
        {
            var db = p.Resource("database-adb", Adb);
            db.Set("encryptionKey", new JsonObject
            {
                ["autonomousDatabaseProvider"] = "OCI", ["kmsKeyId"] = db.Inputs["kmsKeyId"]!.DeepClone(), ["vaultId"] = db.Inputs["vaultId"]!.DeepClone(),
            });
        });
        yield return Legitimate("audit-alert operations listed in another order", p =>
            p.Resource(AshburnAlerts).Set("tasks[0].condition", AuditCondition.For(AuditAlerts.OperationsIn(true).Reverse())));
    }
}
