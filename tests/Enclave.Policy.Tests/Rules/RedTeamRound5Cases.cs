using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 5: backup contents read by operators, database and circuit inputs no rule read, inputs of closed
/// types set through fields the gate does not judge.
/// </summary>
public static class RedTeamRound5Cases
{
    private static void AddStatement(GraphBuilder g, string statement) =>
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Append(statement).ToArray());

    private static void Circuit(GraphBuilder g, object? mappings) =>
        g.Add(OciTypes.VirtualCircuit, "vc", new { compartmentId = Ref("enclave"), type = "PRIVATE", crossConnectMappings = mappings });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IAM-009", "operators manage backups, restores and clones included", "root-policy", g => AddStatement(g,
            $"allow group enclave-operators to manage autonomous-backups in compartment usde-dev where {CompliantEnclave.FromGatekeeperNetworks}")),
        new("ENC-IAM-009", "operators granted the backup content by permission", "root-policy", g => AddStatement(g,
            $"allow group enclave-operators to {{AUTONOMOUS_DB_BACKUP_CONTENT_READ}} in compartment usde-dev where {CompliantEnclave.FromGatekeeperNetworks}")),
        new("ENC-DB-090", "standby with an access list of its own", "adb", g => g.With("adb", "arePrimaryWhitelistedIpsUsed", false)),
        new("ENC-DB-090", "long-term backups kept for ten years", "adb", g => g.With("adb", "longTermBackupSchedules",
            new[] { new { repeatCadence = "YEARLY", retentionPeriodInDays = 3650, timeOfBackup = "2027-01-01T00:00:00Z" } })),
        new("ENC-DB-090", "open mode the program never chose", "adb", g => g.With("adb", "openMode", "READ_ONLY")),
        new("ENC-NET-090", "virtual circuit on another party's cross-connect", "vc", g => Circuit(g,
            new[] { new { crossConnectOrCrossConnectGroupId = "ocid1.crossconnect.oc1.iad.parentco", customerBgpPeeringIp = "10.255.0.1/30" } })),
        new("ENC-GOV-090", "database in a dedicated container database", "adb", g => g.With("adb", "autonomousContainerDatabaseId", "ocid1.autonomouscontainerdatabase.oc1.iad.shared")),
        new("ENC-GOV-090", "database with zero-trust security attributes", "adb", g => g.With("adb", "securityAttributes",
            new Dictionary<string, object> { ["oracle-zpr.sensitivity.value"] = "low" })),
        new("ENC-GOV-090", "multicloud subscription computed from another resource", "adb", g => g.With("adb", "subscriptionId", Unknown)),
        new("ENC-IAM-090", "any function of the enclave reads every object", "root-policy", g => AddStatement(g,
            "allow any-user to read objects in compartment usde-dev where all {request.principal.type = 'fnfunc', request.principal.compartment.id = 'ocid1.compartment.oc1.iad.enclave'}")),
        new("ENC-IAM-090", "any connector of the enclave reads the database's backups", "root-policy", g => AddStatement(g,
            "allow any-user to read autonomous-backups in compartment usde-dev where all {request.principal.type = 'serviceconnector', request.principal.compartment.id = 'ocid1.compartment.oc1.iad.enclave'}")),
        new("ENC-GOV-003", "zone recipe drops one of the program's policies", "zone", g => g.With("recipe", "securityPolicies",
            ((string[])g["recipe"].Inputs["securityPolicies"]!).Skip(1).ToArray())),
        new("ENC-GOV-090", "bucket with a field the provider does not have", "data-bucket", g => g.With("data-bucket", "publicReadUrl", "enabled")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IAM-090", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-DB-090", "open mode known only at deploy", "adb", g => g.With("adb", "openMode", Unknown)),
        new("ENC-NET-090", "cross-connect mappings known only at deploy", "vc", g => Circuit(g, Unknown)),
    ];
}
