using Enclave.Policy.Graph;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Support;

/// <summary>The compliant enclave's data and its logs: keys, database, Data Safe, buckets, flow and bucket logs, the archive.</summary>
public static partial class CompliantEnclave
{
    /// <summary>The log group and flow log, the vault and key, the database and Data Safe, the buckets, their logs and the archive connector.</summary>
    private static void AddDataAndLogs(GraphBuilder g)
    {
        g.Add(OciTypes.LogGroup, "logs", new { compartmentId = Ref("security"), displayName = "usde-dev-logs" }, protect: true);
        g.Add(OciTypes.Log, "flow-data", FlowLog("data"), protect: true);

        g.Add(OciTypes.Vault, "vault", new { compartmentId = Ref("security"), displayName = "usde-dev-vault", vaultType = "VIRTUAL_PRIVATE" }, protect: true)
            .Outputs["managementEndpoint"] = "https://devvault-management.kms.us-ashburn-1.oraclecloud.com";
        g.Add(OciTypes.Key, "key", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-key", managementEndpoint = "out:vault:managementEndpoint",
            keyShape = new { algorithm = "AES", length = 32 }, protectionMode = "HSM", isAutoRotationEnabled = true,
            autoKeyRotationDetails = new { rotationIntervalInDays = 90 },
        }, protect: true);

        g.Add(OciTypes.AutonomousDatabase, "adb", new
        {
            compartmentId = Ref("enclave"), dbName = "usdedev", subnetId = Ref("data"), nsgIds = new[] { Ref("db-nsg") },
            isMtlsConnectionRequired = true, kmsKeyId = Ref("key"), vaultId = Ref("vault"),
            customerContacts = new[] { new { email = "gatekeepers@enclave.example" } }, isFreeTier = false,
            adminPassword = Secret, dbWorkload = "OLTP",
        }, protect: true);

        // A private-endpoint database is reachable by Data Safe only through a Data Safe private endpoint (ENC-DB-004).
        g.Add(OciTypes.DataSafePrivateEndpoint, "ds-pe", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-datasafe", vcnId = Ref("vcn"), subnetId = Ref("data"), nsgIds = new[] { Ref("db-nsg") },
        });
        g.Add(OciTypes.DataSafeTargetDatabase, "ds-target", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-adb",
            databaseDetails = new { databaseType = "AUTONOMOUS_DATABASE", infrastructureType = "ORACLE_CLOUD", autonomousDatabaseId = Ref("adb") },
            connectionOption = new { connectionType = "PRIVATE_ENDPOINT", datasafePrivateEndpointId = Ref("ds-pe") },
        });

        g.Add(OciTypes.Bucket, "data-bucket", new
        {
            compartmentId = Ref("enclave"), name = "usde-dev-data", @namespace = "enclavens", accessType = "NoPublicAccess",
            kmsKeyId = Ref("key"), versioning = "Enabled", objectEventsEnabled = true,
        }, protect: true);
        g.Add(OciTypes.Bucket, "archive", new
        {
            compartmentId = Ref("security"), name = "usde-dev-archive", @namespace = "enclavens", kmsKeyId = Ref("key"), objectEventsEnabled = true,
            retentionRules = new[] { new { displayName = "lock", duration = new { timeAmount = "365", timeUnit = "DAYS" }, timeRuleLocked = "2026-05-01T00:00:00Z" } },
        }, protect: true);
        g.Add(OciTypes.Log, "write-data-bucket", BucketLog("data-bucket"), protect: true);
        g.Add(OciTypes.Log, "write-archive", BucketLog("archive"), protect: true);
        // Reads too (ENC-LOG-022): exfiltration is a read.
        g.Add(OciTypes.Log, "read-data-bucket", BucketLog("data-bucket", "read"), protect: true);
        g.Add(OciTypes.Log, "read-archive", BucketLog("archive", "read"), protect: true);

        g.Add(OciTypes.Connector, "archive-connector", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-archive",
            source = new
            {
                kind = "logging",
                logSources = new object[]
                {
                    new { compartmentId = Tenancy, logGroupId = "_Audit_Include_Subcompartment" },
                    new { compartmentId = Ref("security"), logGroupId = Ref("logs") },
                },
            },
            target = new { kind = "objectStorage", bucket = NameOf("archive"), @namespace = "enclavens" },
        });
    }

    public static object FlowLog(string subject) => new
    {
        logGroupId = Ref("logs"), displayName = $"flow-{subject}", logType = "SERVICE", isEnabled = true, retentionDuration = 90,
        configuration = new { source = new { service = "flowlogs", category = "all", resource = Ref(subject), sourceType = "OCISERVICE" } },
    };

    public static object BucketLog(string bucket, string category = "write") => new
    {
        logGroupId = Ref("logs"), displayName = $"{category}-{bucket}", logType = "SERVICE", isEnabled = true, retentionDuration = 90,
        configuration = new { source = new { service = "objectstorage", category, resource = NameOf(bucket), sourceType = "OCISERVICE" } },
    };
}
