using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-KMS-051: a key lives in the vault its managementEndpoint names. Pointing it at another vault (another region,
/// another tenancy) keeps the enclave's encryption keys where the gatekeepers neither control nor see them.
/// </summary>
public sealed class ForeignVaultKeyAttacks : AttackClass
{
    private const string FrankfurtVault = "https://frankfurtvlt-management.kms.eu-frankfurt-1.oraclecloud.com";
    private const string OtherAshburnVault = "https://othervault-management.kms.us-ashburn-1.oraclecloud.com";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the database key created in a Frankfurt vault", "ENC-KMS-051",
            p => p.Resource("keys-database-key").Set("managementEndpoint", FrankfurtVault));
        yield return Attack("the buckets key created in another Ashburn vault", "ENC-KMS-051",
            p => p.Resource("keys-buckets-key").Set("managementEndpoint", OtherAshburnVault));
        yield return Attack("a key version imported through another vault", "ENC-KMS-051", p => p.Add("oci:Kms/keyVersion:KeyVersion", "keys-database-key-v2",
            new JsonObject { ["keyId"] = Id(p, "keys-database-key"), ["managementEndpoint"] = OtherAshburnVault }, sibling: "keys-database-key"));

        yield return Legitimate("a new key version of the database key in its own vault", p => p.Add("oci:Kms/keyVersion:KeyVersion", "keys-database-key-v2",
            new JsonObject { ["keyId"] = Id(p, "keys-database-key"), ["managementEndpoint"] = p.Resource("keys-database-key").Get("managementEndpoint")!.DeepClone() },
            sibling: "keys-database-key"));
    }

    private static string Id(Prod p, string name) => p.Resource(name).Json["id"]!.GetValue<string>();
}
