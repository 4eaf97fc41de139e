using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>The Autonomous Databases (primary and cross-region standby) opened, unencrypted or unwatched.</summary>
public sealed class DatabaseAttacks : AttackClass
{
    private const string Primary = "database-adb";
    private const string Standby = "database-adb-standby";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("primary without a private endpoint", "ENC-DB-001", p => p.Resource(Primary).Remove("subnetId"));
        yield return Attack("standby without a private endpoint", "ENC-DB-001", p => p.Resource(Standby).Remove("subnetId"));
        yield return Attack("primary without mutual TLS", "ENC-DB-002", p => p.Resource(Primary).Set("isMtlsConnectionRequired", false));
        yield return Attack("standby without mutual TLS", "ENC-DB-002", p => p.Resource(Standby).Set("isMtlsConnectionRequired", false));
        yield return Attack("primary with an Oracle-managed key", "ENC-DB-003", p => p.Resource(Primary).Remove("kmsKeyId").Remove("vaultId"));
        yield return Attack("standby on another key than its primary", "ENC-DB-003",
            p => p.Resource(Standby).Set("kmsKeyId", p.Resource("keys-buckets-key").Json["id"]!.GetValue<string>()));
        yield return Attack("primary's Data Safe registration deleted", "ENC-DB-004", p =>
        {
            foreach (var target in p.OfType("oci:DataSafe/targetDatabase:TargetDatabase").ToList()) p.Remove(target.Name, target.Type);
            return p.Resource(Primary);
        });
        yield return Attack("primary access list open to the internet", "ENC-DB-006", p => p.Resource(Primary).Append("whitelistedIps", "0.0.0.0/0"));
        yield return Attack("standby access list open to the internet", "ENC-DB-006", p => p.Resource(Primary).Append("standbyWhitelistedIps", "0.0.0.0/0"));
        yield return Attack("primary on the Always Free tier", "ENC-DB-007", p => p.Resource(Primary).Set("isFreeTier", true));
        yield return Attack("primary unprotected from deletion", "ENC-GOV-001", p =>
        {
            var db = p.Resource(Primary);
            db.Json.Remove("protect");
            return db;
        });
        yield return Attack("primary in the root compartment", "ENC-GOV-004",
            p => p.Resource(Primary).Set("compartmentId", "ocid1.tenancy.oc1..aaaaaaaaexampleprodtenancy0000000000000000000000000000000000"));
    }
}
