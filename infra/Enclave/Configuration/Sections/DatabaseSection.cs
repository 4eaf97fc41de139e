using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary><c>us-data-enclave:database</c>: the Autonomous Database's size, workload, backups and standbys.</summary>
internal static class DatabaseSection
{
    private static readonly string[] Fields =
        ["dbName", "workload", "computeCount", "storageTbs", "backupRetentionDays", "localDataGuard", "standbyRegion", "licenseModel"];

    private static readonly string[] Workloads = ["OLTP", "DW", "AJD", "APEX", "LH"];
    private static readonly string[] LicenseModels = ["LICENSE_INCLUDED", "BRING_YOUR_OWN_LICENSE"];

    private const int MinEcpus = 2, MaxEcpus = 512, MaxStorageTbs = 384;

    public static DatabaseSettings? Read(ConfigReader r, ReadContext context)
    {
        var o = r.Object(ConfigKeys.Database, "an object describing the Autonomous Database", Fields);
        if (o is null) return null;

        var dbName = o.String("dbName", "a database name: a letter, then letters or digits, at most 30 characters");
        var workload = o.String("workload", $"the workload type: {string.Join(", ", Workloads)}");
        // OCI's limits for an Autonomous Database Serverless on ECPUs: whole ECPUs from 2 to 512, 1 to 384 TB.
        var compute = o.Int("computeCount", $"the ECPU count, a whole number from {MinEcpus} to {MaxEcpus}");
        var storage = o.Int("storageTbs", $"the storage size in terabytes, a whole number from 1 to {MaxStorageTbs}");
        var backups = o.Int("backupRetentionDays", "the automatic backup retention, a whole number of days from 1 to 60");
        var localDataGuard = o.Bool("localDataGuard", "true or false", required: false) ?? false;
        var standby = o.String("standbyRegion", "a US region for the cross-region standby (omit it for none)", required: false);
        var license = o.String("licenseModel", $"the license model: {string.Join(" or ", LicenseModels)}", required: false);

        if (dbName is not null && !Names.DbName().IsMatch(dbName))
            r.Report(o.FieldKey("dbName"), $"'{dbName}' is not a valid Autonomous Database name; use a letter, then letters or digits only, at most 30 characters");
        var workloadOk = r.OneOf(o.FieldKey("workload"), workload, Workloads);
        if (compute is < MinEcpus)
            r.Report(o.FieldKey("computeCount"), $"{compute} ECPUs is too small; the ECPU model needs at least {MinEcpus}");
        else r.Range(o.FieldKey("computeCount"), compute, MinEcpus, MaxEcpus, "ECPUs");
        r.Range(o.FieldKey("storageTbs"), storage, 1, MaxStorageTbs, "TB");
        r.Range(o.FieldKey("backupRetentionDays"), backups, 1, 60, "days");
        if (license is not null) r.OneOf(o.FieldKey("licenseModel"), license, LicenseModels);

        if (standby is not null)
        {
            var key = o.FieldKey("standbyRegion");
            if (RegionChecks.Check(r, key, standby, context.AllowedRegions) &&
                string.Equals(standby, context.DeploymentRegion, StringComparison.Ordinal))
                r.Report(key, $"'{standby}' is the deployment region ({ConfigKeys.Region}); the cross-region standby must be in another allowed region");
        }

        if (dbName is null || !workloadOk || compute is null || storage is null || backups is null) return null;
        return new DatabaseSettings
        {
            DbName = dbName,
            Workload = workload!,
            ComputeCount = compute.Value,
            StorageTbs = storage.Value,
            BackupRetentionDays = backups.Value,
            LocalDataGuard = localDataGuard,
            StandbyRegion = standby,
            LicenseModel = license ?? "LICENSE_INCLUDED",
        };
    }
}
