using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Round 8 (network and data side): inputs the gate let through because a table or a rule said a rule judges them,
/// where the rule read them in one branch only, or not at all. Each passed before: a database deregistered from Data
/// Safe by its own <c>dataSafeStatus</c> (ENC-DB-004 read the flag only for a database without a private endpoint), a
/// Data Safe target of another infrastructure type, a switchover to a peer outside the stack (ENC-DB-070 held sources
/// and peers to the stack, not the switchover target), a vault of someone else's beside the stack's key (ENC-DB-003
/// read only the key), a flow or bucket log turned into a custom log or another source kind (the log rules read
/// service and category only). A manual backup's retention hardening, refused as undeclared fields, now passes.
/// </summary>
public sealed class Round8ReadInOneBranchAttacks : AttackClass
{
    public override string Name => "Round8ReadInOneBranch";

    private const string Adb = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string Backup = "oci:Database/autonomousDatabaseBackup:AutonomousDatabaseBackup";

    private static JsonNode Id(Prod p, string r, string? type = null) => p.Resource(r, type).Json["id"]!.DeepClone();

    private static ResourceEdit AddBackup(Prod p, string name, JsonObject destination) => p.Add(Backup, name, new JsonObject
    {
        ["autonomousDatabaseId"] = Id(p, "database-adb", Adb), ["displayName"] = "usde-prod-before-upgrade",
        ["isLongTermBackup"] = true, ["retentionPeriodInDays"] = 365, ["backupDestinationDetails"] = destination,
    }, "database-adb");

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("database deregistered from Data Safe by its own flag", "ENC-DB-004",
            p => p.Resource("database-adb", Adb).Set("dataSafeStatus", "NOT_REGISTERED"));
        yield return Attack("standby deregistered from Data Safe by its own flag", "ENC-DB-004",
            p => p.Resource("database-adb-standby", Adb).Set("dataSafeStatus", "not_registered"));
        yield return Attack("Data Safe target registers the database as an on-premises one", "ENC-DB-004", p =>
        {
            p.Resource("database-data-safe-target").Set("databaseDetails.infrastructureType", "ON_PREMISES");
            return p.Resource("database-adb", Adb).Urn;
        });
        yield return Attack("switchover handed to a peer the stack does not hold", "ENC-DB-070",
            p => p.Resource("database-adb", Adb).Set("switchoverToRemotePeerId", "ocid1.autonomousdatabase.oc1.iad.aaaaaaaaparentpeer"));
        yield return Attack("database names a vault of someone else's beside the stack's key", "ENC-DB-003",
            p => p.Resource("database-adb", Adb).Set("vaultId", "ocid1.vault.oc1.iad.aaaaaaaaparentvault"));
        yield return Attack("data subnet's flow log made a custom log", "ENC-LOG-001", p =>
        {
            p.Resource("network-data-flow-log").Set("logType", "CUSTOM");
            return p.Resource("network-data").Urn;
        });
        yield return Attack("data subnet's flow log given another source kind", "ENC-LOG-001", p =>
        {
            p.Resource("network-data-flow-log").Set("configuration.source.sourceType", "UNIFIED_AGENT");
            return p.Resource("network-data").Urn;
        });
        yield return Attack("user-data bucket's read log made a custom log", "ENC-LOG-022", p =>
        {
            p.Resource("oversight-archive-us-ashburn-1-user-data-bucket-read-log").Set("logType", "CUSTOM");
            return p.Resource("storage-user-data").Urn;
        });
        yield return Attack("manual backup kept for less than Oracle's default after termination", "ENC-GOV-090", p => AddBackup(p, "database-adb-backup",
            new JsonObject { ["type"] = "LOCAL", ["backupRetentionPolicyOnTerminate"] = "DELETE_WITH_DATABASE" }));

        yield return Legitimate("manual backup kept for its window after termination and locked", p => AddBackup(p, "database-adb-backup",
            new JsonObject { ["type"] = "LOCAL", ["backupRetentionPolicyOnTerminate"] = "RETAIN_PER_RETENTION_WINDOW", ["isRetentionLockEnabled"] = true }));
        yield return Legitimate("database's Data Safe registration said explicitly",
            p => p.Resource("database-adb", Adb).Set("dataSafeStatus", "REGISTERED"));
    }
}
