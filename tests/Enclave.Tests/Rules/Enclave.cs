using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>Finds the enclave's well-known resources in a run by their configured names (not by logical names).</summary>
public static class EnclaveLookup
{
    public static string Display(this Deployed d, string suffix) => $"{d.Settings.NamePrefix}-{suffix}";

    public static string? CompartmentId(this Deployed d, string function) =>
        d.OfType(Oci.Compartment).FirstOrDefault(c => c.Str("name") == d.Display($"{function}-cmp"))?.Id;

    public static IReadOnlyList<string> EnclaveCompartmentIds(this Deployed d) =>
        [.. new[] { "top", "network", "security", "database", "app" }.Select(f => d.CompartmentId(f)).OfType<string>()];

    public static IEnumerable<Registered> Databases(this Deployed d) => d.OfType(Oci.AutonomousDatabase);

    public static Registered? PrimaryDatabase(this Deployed d) =>
        d.Databases().FirstOrDefault(db => db.Str("source") is null or "NONE");

    public static IEnumerable<Registered> StandbyDatabases(this Deployed d) =>
        d.Databases().Where(db => db.Str("source") == "CROSS_REGION_DATAGUARD");

    /// <summary>The deployment region's key for <paramref name="purpose"/> (database, buckets or logs).</summary>
    public static Registered? KeyFor(this Deployed d, string purpose) =>
        d.OfType(Oci.Key).FirstOrDefault(k => k.Str("displayName") == d.Display($"{purpose}-key"));

    /// <summary>The key for <paramref name="purpose"/> of the vault in <paramref name="region"/>.</summary>
    public static Registered? KeyFor(this Deployed d, string purpose, string region) =>
        region == d.Settings.DeploymentRegion
            ? d.KeyFor(purpose)
            : d.OfType(Oci.Key).FirstOrDefault(k => k.Str("displayName") == d.Display($"{region}-{purpose}-key"));

    public static IEnumerable<Registered> SubnetsNamed(this Deployed d, string tier) =>
        d.OfType(Oci.Subnet).Where(s => s.Str("displayName")?.EndsWith($"{tier}-subnet", StringComparison.Ordinal) == true);

    public static IEnumerable<Registered> NsgsNamed(this Deployed d, string tier) =>
        d.OfType(Oci.Nsg).Where(s => s.Str("displayName")?.EndsWith($"{tier}-nsg", StringComparison.Ordinal) == true);

    /// <summary>Every Service Connector with the bucket it archives into (null when the target is no bucket of the stack).</summary>
    public static IEnumerable<(Registered Connector, Registered? Bucket)> Archives(this Deployed d) =>
        d.OfType(Oci.Connector).Where(c => c.Str("target.kind") != "notifications").Select(c => (c, d.OfType(Oci.Bucket).FirstOrDefault(b => b.Str("name") == c.Str("target.bucket"))));

    /// <summary>The bucket the deployment region's Service Connector archives into.</summary>
    public static Registered? ArchiveBucket(this Deployed d) =>
        d.Archives().Where(a => d.RegionOf(a.Connector) == d.Settings.DeploymentRegion).Select(a => a.Bucket).FirstOrDefault();

    /// <summary>Every bucket a Service Connector archives into.</summary>
    public static IReadOnlyList<Registered> ArchiveBuckets(this Deployed d) => [.. d.Archives().Select(a => a.Bucket).OfType<Registered>()];

    /// <summary>Parsed statements of every policy, with the policy.</summary>
    public static IEnumerable<(Registered Policy, PolicyStatement Statement)> ParsedStatements(this Deployed d) =>
        d.Statements.Select(x => (x.Policy, PolicyStatement.Parse(x.Statement)));

    /// <summary>Display of a violation's location in the graph.</summary>
    public static string Where(this Registered r) => $"{r.Type.Split(':').Last()} '{r.Name}'";
}
