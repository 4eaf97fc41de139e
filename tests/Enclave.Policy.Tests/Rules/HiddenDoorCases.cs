using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 3: doors beside the ones the earlier rules watch (renamed persona groups, data stores the gate reads
/// only as listeners, copied secrets, keys in foreign vaults, switched-off oversight, access lists and vanity URLs).
/// </summary>
public static class HiddenDoorCases
{
    private const string SecretType = "oci:Vault/secret:Secret";

    private static void AdminSecret(GraphBuilder g, object? replication = null, object? rotation = null) =>
        g.Add(SecretType, "admin-secret", new
        {
            compartmentId = Ref("security"), secretName = "admin", vaultId = Ref("vault"), keyId = Ref("key"),
            replicationConfig = replication, rotationConfig = rotation,
        });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IDN-050", "operators' group renamed to the gatekeepers' name", "operators", g => g.With("operators", "name", "enclave-gatekeepers")),
        new("ENC-IDN-050", "gatekeepers' group renamed to Administrators", "gatekeepers", g => g.With("gatekeepers", "name", "Administrators")),
        new("ENC-DB-050", "a MySQL database in the data subnet", "mysql", g => g.Add(OciTypes.MysqlDbSystem, "mysql",
            new { compartmentId = Ref("enclave"), subnetId = Ref("data"), shapeName = "MySQL.2" })),
        new("ENC-KMS-050", "secret replicated to Frankfurt", "admin-secret", g => AdminSecret(g, replication: new
        {
            replicationTargets = new[] { new { targetRegion = "eu-frankfurt-1", targetVaultId = "ocid1.vault.oc1.eu-frankfurt-1.x", targetKeyId = "ocid1.key.oc1.eu-frankfurt-1.x" } },
        })),
        new("ENC-KMS-050", "secret rotated by a function", "admin-secret", g => AdminSecret(g, rotation: new
        {
            targetSystemDetails = new { targetSystemType = "FUNCTION", functionId = "ocid1.fnfunc.oc1.iad.x" },
        })),
        new("ENC-KMS-051", "key created in a Frankfurt vault", "key", g => g.With("key", "managementEndpoint", "https://x-management.kms.eu-frankfurt-1.oraclecloud.com")),
        new("ENC-LOG-050", "Cloud Guard target inactive", "cg-target", g => g.With("cg-target", "state", "INACTIVE")),
        new("ENC-DB-051", "access list names another VCN", "adb", g => g.With("adb", "whitelistedIps", new[] { "ocid1.vcn.oc1.iad.parentvcn" })),
        new("ENC-GOV-050", "database ADMIN password in the clear", "adb", g => g.With("adb", "adminPassword", "Welcome-12345#")),
        new("ENC-GOV-050", "secret content in the clear", "admin-secret", g => g.Add("oci:Vault/secret:Secret", "admin-secret", new
        {
            compartmentId = Ref("security"), secretName = "admin", vaultId = Ref("vault"), keyId = Ref("key"),
            secretContent = new { content = "V2VsY29tZQ==", contentType = "BASE64" },
        })),
        new("ENC-IAM-050", "a dynamic group manages functions anywhere in the tenancy", "root-policy", g => g.With("root-policy", "statements",
            ((string[])g["root-policy"].Inputs["statements"]!).Append("allow dynamic-group enclave-adb to manage functions-family in tenancy").ToArray())),
        new("ENC-DB-052", "database behind an API gateway", "adb", g => g.With("adb", "vanityUrlDetails",
            new[] { new { apiGatewayId = "ocid1.apigateway.oc1.iad.x", vanityUrlHostName = "data" } })),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IDN-050", "group name unknown", "operators", g => g.With("operators", "name", Unknown)),
        new("ENC-KMS-050", "replication targets unknown", "admin-secret", g => AdminSecret(g, replication: new { replicationTargets = Unknown })),
        new("ENC-KMS-051", "key's vault endpoint unknown without lineage", "key", g => g.With("key", "managementEndpoint", Unknown)),
        new("ENC-LOG-050", "Cloud Guard target state unknown", "cg-target", g => g.With("cg-target", "state", Unknown)),
        new("ENC-DB-051", "access list unknown", "adb", g => g.With("adb", "whitelistedIps", Unknown)),
        new("ENC-GOV-050", "database ADMIN password computed at deploy", "adb", g => g.With("adb", "adminPassword", Unknown)),
        new("ENC-DB-052", "vanity URL unknown", "adb", g => g.With("adb", "vanityUrlDetails", Unknown)),
    ];
}
