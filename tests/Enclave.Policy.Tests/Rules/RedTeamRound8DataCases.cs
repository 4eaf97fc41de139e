using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 8 (network and data side): inputs the gate accepted because a table or a rule said a rule judges
/// them, where the rule read them only in one branch or not at all. A database's own Data Safe switch, a target
/// registered as another kind of database, a switchover to a peer the stack does not hold, a vault beside the key, a
/// service log of another type or source kind; and a backup's retention hardening, which must pass while a value that
/// keeps it shorter fails.
/// </summary>
public static class RedTeamRound8DataCases
{
    private static object FlowSource(string sourceType) => new
    {
        source = new { service = "flowlogs", category = "all", resource = Ref("data"), sourceType },
    };

    private static void Backup(GraphBuilder g, object destination) => g.Add(OciTypes.AutonomousDatabaseBackup, "adb-backup",
        new { autonomousDatabaseId = Ref("adb"), displayName = "before-upgrade", backupDestinationDetails = destination });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-DB-004", "database deregistered from Data Safe by its own flag", "adb", g => g.With("adb", "dataSafeStatus", "NOT_REGISTERED")),
        new("ENC-DB-004", "Data Safe target registers the database as an on-premises one", "adb", g => g.With("ds-target", "databaseDetails",
            new { databaseType = "AUTONOMOUS_DATABASE", infrastructureType = "ON_PREMISES", autonomousDatabaseId = Ref("adb") })),
        new("ENC-DB-070", "switchover handed to a peer the stack does not hold", "adb",
            g => g.With("adb", "switchoverToRemotePeerId", "ocid1.autonomousdatabase.oc1.iad.parentpeer")),
        new("ENC-DB-003", "database names a vault of someone else's beside the stack's key", "adb",
            g => g.With("adb", "vaultId", "ocid1.vault.oc1.iad.parentvault")),
        new("ENC-LOG-001", "data subnet's flow log made a custom log", "data", g => g.With("flow-data", "logType", "CUSTOM")),
        new("ENC-LOG-001", "data subnet's flow log given another source kind", "data", g => g.With("flow-data", "configuration", FlowSource("UNIFIED_AGENT"))),
        new("ENC-NET-003", "data subnet names no route table: its VCN's default table, in no resource, routes it", "data",
            g => g.With("data", "routeTableId", null)),
        new("ENC-GOV-090", "a default route table given a LOCAL route", "default-rt", g => g.Add(OciTypes.DefaultRouteTable, "default-rt", new
        {
            manageDefaultResourceId = "ocid1.routetable.oc1.iad.vcndefault",
            routeRules = new[] { new { destination = "10.0.0.0/16", destinationType = "CIDR_BLOCK", networkEntityId = Ref("sgw"), routeType = "LOCAL" } },
        })),
        new("ENC-GOV-090", "a route-table attachment given a field no rule reads", "data-rta", g => g.Add(OciTypes.RouteTableAttachment, "data-rta",
            new { subnetId = Ref("data"), routeTableId = Ref("data-rt"), routeRules = new[] { new { destination = "0.0.0.0/0" } } })),
        new("ENC-GOV-090", "backup kept for less than Oracle's default after termination", "adb-backup",
            g => Backup(g, new { type = "LOCAL", backupRetentionPolicyOnTerminate = "DELETE_WITH_DATABASE" })),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-DB-004", "database's Data Safe flag computed at deploy", "adb", g => g.With("adb", "dataSafeStatus", Unknown)),
        new("ENC-DB-070", "switchover peer a secret where the stack holds another database", "adb", g =>
        {
            g.Add(OciTypes.AutonomousDatabase, "adb-peer", new { compartmentId = Ref("enclave"), dbName = "usdedevpeer", subnetId = Ref("data") });
            g.With("adb", "switchoverToRemotePeerId", Secret);
        }),
        new("ENC-NET-003", "data subnet's route table computed at deploy from nothing in the stack", "data", g => g.With("data", "routeTableId", Unknown)),
        new("ENC-LOG-001", "data subnet's flow log type a secret", "data", g => g.With("flow-data", "logType", Secret)),
        new("ENC-GOV-090", "backup's retention on termination a secret", "adb-backup",
            g => Backup(g, new { type = "LOCAL", backupRetentionPolicyOnTerminate = Secret })),
    ];
}
