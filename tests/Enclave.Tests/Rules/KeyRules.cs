using Enclave.Configuration;
using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>Vault and keys (item 3).</summary>
public static class KeyRules
{
    public static IReadOnlyList<string> VaultIsInSecurityCompartmentWithConfiguredType(Deployed d)
    {
        var expected = d.Settings.Vault.Type == VaultType.VirtualPrivate ? "VIRTUAL_PRIVATE" : "DEFAULT";
        var vaults = d.OfType(Oci.Vault).ToList();
        var check = new Check().That(vaults.Count == 1, $"{vaults.Count} vaults");
        foreach (var v in vaults)
            check.That(v.Str("compartmentId") == d.CompartmentId("security") && v.Str("vaultType") == expected,
                $"vault type {v.Str("vaultType")} in {v.Str("compartmentId")}");
        return check.Violations;
    }

    public static IReadOnlyList<string> KeysAreAes256InHsm(Deployed d)
    {
        var check = new Check();
        var vault = d.OfType(Oci.Vault).FirstOrDefault();
        foreach (var k in d.OfType(Oci.Key))
            check.That(k.Str("keyShape.algorithm") == "AES" && k.Num("keyShape.length") == 32 &&
                       k.Str("protectionMode") == "HSM" && k.Str("compartmentId") == d.CompartmentId("security") &&
                       k.Str("managementEndpoint") == vault?.State.GetValueOrDefault("managementEndpoint") as string,
                $"{k.Where()}: {k.Str("keyShape.algorithm")}/{k.Num("keyShape.length")} {k.Str("protectionMode")}");
        return check.Violations;
    }

    public static IReadOnlyList<string> KeysRotateAutomaticallyAtLeastYearly(Deployed d)
    {
        var check = new Check();
        foreach (var k in d.OfType(Oci.Key))
        {
            var days = k.Num("autoKeyRotationDetails.rotationIntervalInDays");
            check.That(k.Bool("isAutoRotationEnabled") == true && days is > 0 and <= 365 &&
                       days == d.Settings.Vault.KeyRotationDays,
                $"{k.Where()}: auto-rotation={k.Bool("isAutoRotationEnabled")} every {days} days");
        }
        return check.Violations;
    }

    /// <summary>Database, application buckets and the log archive each have their own vault key.</summary>
    public static IReadOnlyList<string> KeysCoverDatabaseBucketsAndLogs(Deployed d)
    {
        var check = new Check();
        var database = d.KeyFor("database");
        var buckets = d.KeyFor("buckets");
        var logs = d.KeyFor("logs");
        check.That(database is not null && buckets is not null && logs is not null, "missing database/buckets/logs key");
        foreach (var db in d.Databases().Where(db => db.Str("source") is null))
            check.That(db.Str("kmsKeyId") == database?.Id, $"{db.Where()} is not encrypted with the database key");
        foreach (var bucket in d.OfType(Oci.Bucket))
        {
            var expected = bucket == d.ArchiveBucket() ? logs : buckets;
            check.That(bucket.Str("kmsKeyId") == expected?.Id, $"{bucket.Where()} uses key {bucket.Str("kmsKeyId")}");
        }
        return check.Violations;
    }
}
