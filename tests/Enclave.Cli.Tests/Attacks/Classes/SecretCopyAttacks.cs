using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-KMS-050: the database's ADMIN password is a key to the data. Secret replication and secret rotation copy it to
/// whatever vault or system they name; only the stack's own vaults (in allowed regions) and databases may be named.
/// </summary>
public sealed class SecretCopyAttacks : AttackClass
{
    private const string Secret = "database-admin-secret";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the admin password replicated to a Frankfurt vault", "ENC-KMS-050", p => p.Resource(Secret).Set("replicationConfig", Replica(
            "eu-frankfurt-1", "ocid1.vault.oc1.eu-frankfurt-1.aaaaaaaaexamplefrankfurtvault", "ocid1.key.oc1.eu-frankfurt-1.aaaaaaaaexamplefrankfurtkey")));
        yield return Attack("the admin password replicated to a Phoenix vault outside the stack", "ENC-KMS-050", p => p.Resource(Secret).Set("replicationConfig", Replica(
            "us-phoenix-1", "ocid1.vault.oc1.phx.aaaaaaaaexampleothervault", "ocid1.key.oc1.phx.aaaaaaaaexampleotherkey")));
        yield return Attack("the admin password replicated into the stack's Phoenix vault under a foreign key", "ENC-KMS-050", p => p.Resource(Secret).Set("replicationConfig", Replica(
            "us-phoenix-1", Id(p, "keys-us-phoenix-1-vault"), "ocid1.key.oc1.phx.aaaaaaaaexampleotherkey")));
        yield return Attack("the admin password rotated by a function", "ENC-KMS-050", p => p.Resource(Secret).Set("rotationConfig", new JsonObject
        {
            ["rotationInterval"] = "P30D", ["isScheduledRotationEnabled"] = true,
            ["targetSystemDetails"] = new JsonObject { ["targetSystemType"] = "FUNCTION", ["functionId"] = "ocid1.fnfunc.oc1.iad.aaaaaaaaexamplefunction" },
        }));
        yield return Attack("the admin password rotated into a database outside the stack", "ENC-KMS-050", p => p.Resource(Secret).Set("rotationConfig", new JsonObject
        {
            ["rotationInterval"] = "P30D",
            ["targetSystemDetails"] = new JsonObject { ["targetSystemType"] = "ADB", ["adbId"] = "ocid1.autonomousdatabase.oc1.iad.aaaaaaaaexampleotherdb" },
        }));
        yield return Attack("the replication targets hidden as a secret in the state", "ENC-KMS-050",
            p => p.Resource(Secret).Set("replicationConfig", new JsonObject()).Secret("replicationConfig.replicationTargets"),
            Forms.Export);

        yield return Legitimate("the admin password replicated to the stack's Phoenix vault with its key", p => p.Resource(Secret).Set("replicationConfig",
            Replica("us-phoenix-1", Id(p, "keys-us-phoenix-1-vault"), Id(p, "keys-us-phoenix-1-logs-key"))));
        yield return Legitimate("the admin password rotated by the database itself", p => p.Resource(Secret).Set("rotationConfig", new JsonObject
        {
            ["rotationInterval"] = "P90D", ["isScheduledRotationEnabled"] = true,
            ["targetSystemDetails"] = new JsonObject { ["targetSystemType"] = "ADB", ["adbId"] = Id(p, "database-adb") },
        }));
    }

    private static JsonObject Replica(string region, string vault, string key) => new()
    {
        ["replicationTargets"] = new JsonArray(new JsonObject { ["targetRegion"] = region, ["targetVaultId"] = vault, ["targetKeyId"] = key }),
    };

    private static string Id(Prod p, string name) => p.Resource(name).Json["id"]!.GetValue<string>();
}
