using System.Collections.Immutable;
using Enclave.Configuration;
using Enclave.Tests.Support;
using Pulumi;
using Pulumi.Utilities;

namespace Enclave.Tests.Rules;

/// <summary>Vault and keys (item 3): one vault per region the enclave uses.</summary>
public static class KeyRules
{
    /// <summary>Every enclave region has exactly one vault, in the security compartment, of the configured type.</summary>
    public static IReadOnlyList<string> VaultIsInSecurityCompartmentWithConfiguredType(Deployed d)
    {
        var expected = d.Settings.Vault.Type == VaultType.VirtualPrivate ? "VIRTUAL_PRIVATE" : "DEFAULT";
        var vaults = d.OfType(Oci.Vault).ToList();
        var check = new Check();
        foreach (var region in OversightRules.EnclaveRegions(d))
        {
            var inRegion = vaults.Count(v => d.RegionOf(v) == region);
            check.That(inRegion == 1, $"{inRegion} vaults in {region}");
        }
        check.That(vaults.All(v => OversightRules.EnclaveRegions(d).Contains(d.RegionOf(v))),
            $"vaults outside the enclave regions: {string.Join(", ", vaults.Select(d.RegionOf))}");
        foreach (var v in vaults)
            check.That(v.Str("compartmentId") == d.CompartmentId("security") && v.Str("vaultType") == expected,
                $"vault type {v.Str("vaultType")} in {v.Str("compartmentId")}");
        return check.Violations;
    }

    /// <summary>Every key is AES-256 in an HSM, in the security compartment, in the vault of its own region.</summary>
    public static IReadOnlyList<string> KeysAreAes256InHsm(Deployed d)
    {
        var check = new Check();
        foreach (var k in d.OfType(Oci.Key))
        {
            var vault = d.OfType(Oci.Vault).FirstOrDefault(v => v.State.GetValueOrDefault("managementEndpoint") as string == k.Str("managementEndpoint"));
            check.That(k.Str("keyShape.algorithm") == "AES" && k.Num("keyShape.length") == 32 &&
                       k.Str("protectionMode") == "HSM" && k.Str("compartmentId") == d.CompartmentId("security"),
                $"{k.Where()}: {k.Str("keyShape.algorithm")}/{k.Num("keyShape.length")} {k.Str("protectionMode")}");
            check.That(vault is not null && d.RegionOf(vault) == d.RegionOf(k),
                $"{k.Where()} in {d.RegionOf(k)} is not in a vault of its region (management endpoint {k.Str("managementEndpoint")})");
        }
        return check.Violations;
    }

    /// <summary>
    /// The data keys (everything but a logs key) exist once each, in the deployment region, where the data lives; every
    /// other enclave region's vault holds only that region's logs key (its archive). A data key elsewhere would be a
    /// second place able to decrypt the data, outside the region the residency rules are written for.
    /// </summary>
    public static IReadOnlyList<string> DataKeysOnlyInDeploymentRegion(Deployed d)
    {
        var check = new Check();
        var deployment = d.Settings.DeploymentRegion;
        foreach (var k in d.OfType(Oci.Key))
        {
            var region = d.RegionOf(k);
            var isLogsKey = k.Str("displayName") == (region == deployment ? d.Display("logs-key") : d.Display($"{region}-logs-key"));
            check.That(region == deployment || isLogsKey, $"{k.Where()} ({k.Str("displayName")}) is a data key in {region}, not the deployment region {deployment}");
        }
        foreach (var purpose in new[] { "database", "buckets" })
        {
            var count = d.OfType(Oci.Key).Count(k => k.Str("displayName")?.EndsWith($"{purpose}-key", StringComparison.Ordinal) == true);
            check.That(count == 1 && d.KeyFor(purpose) is { } key && d.RegionOf(key) == deployment,
                $"{count} {purpose} keys; expected one, in {deployment}");
        }
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

    /// <summary>
    /// Database, application buckets and each log archive have their own vault key: the databases (the primary and its
    /// cross-region standby, which OCI encrypts with the primary's key through the vault's replica) use the database
    /// key, the user-data bucket the buckets key, and each region's archive bucket the logs key of its own region.
    /// </summary>
    public static IReadOnlyList<string> KeysCoverDatabaseBucketsAndLogs(Deployed d)
    {
        var check = new Check();
        var database = d.KeyFor("database");
        var buckets = d.KeyFor("buckets");
        check.That(database is not null && buckets is not null && d.KeyFor("logs") is not null, "missing database/buckets/logs key");
        foreach (var db in d.Databases())
            check.That(db.Str("kmsKeyId") == database?.Id, $"{db.Where()} is not encrypted with the database key");
        var archives = d.ArchiveBuckets();
        foreach (var bucket in d.OfType(Oci.Bucket))
        {
            var expected = archives.Contains(bucket) ? d.KeyFor("logs", d.RegionOf(bucket)) : buckets;
            check.That(expected is not null && bucket.Str("kmsKeyId") == expected.Id,
                $"{bucket.Where()} in {d.RegionOf(bucket)} uses key {bucket.Str("kmsKeyId")}, expected {expected?.Id}");
        }
        return check.Violations;
    }
}

/// <summary>Key grants come first: OCI refuses to encrypt with a key its user (a service or a resource principal) may not use yet.</summary>
public static class KeyGrantRules
{
    /// <summary>
    /// Every bucket waits for the policy letting its region's Object Storage use its key, and the primary database for
    /// the policy letting its dynamic group use its key (the standby is created from the primary, after it).
    /// </summary>
    public static async Task<IReadOnlyList<string>> KeyGrantsPrecedeEncryptedData(Deployed d, IEnumerable<Observed> observations)
    {
        var check = new Check();
        Registered RegisteredAs(Observed o) => d.Resources.Single(r => r.Type == o.Type && r.Name == o.Name);
        var encrypted = observations.Where(o => o.Type == Oci.Bucket ||
                                                (o.Type == Oci.AutonomousDatabase && RegisteredAs(o).Str("source") is null)).ToList();
        check.That(encrypted.Count > 0, "no encrypted bucket or database observed");
        foreach (var o in encrypted)
        {
            var registered = RegisteredAs(o);
            var key = registered.Str("kmsKeyId") ?? "";
            var user = o.Type == Oci.Bucket ? $"service objectstorage-{d.RegionOf(registered)}" : "dynamic-group ";
            var grants = d.ParsedStatements()
                .Where(x => x.Statement.Subject.StartsWith(user, StringComparison.Ordinal) && x.Statement.Resource == "keys" &&
                            x.Statement.Condition.Contains($"'{key}'", StringComparison.Ordinal))
                .Select(x => x.Policy.Name).ToHashSet();
            Output<ImmutableArray<Resource>> dependsOn = (Input<ImmutableArray<Resource>>)o.Options.DependsOn;
            var waitsFor = (await OutputUtilities.GetValueAsync(dependsOn)).Select(r => r.GetResourceName()).ToHashSet();
            check.That(grants.Overlaps(waitsFor),
                $"{o} does not wait for the policy granting its key ({string.Join(", ", grants)}); it waits for {string.Join(", ", waitsFor)}");
        }
        return check.Violations;
    }
}
