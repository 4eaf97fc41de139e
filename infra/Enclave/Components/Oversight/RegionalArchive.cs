using Enclave.Components.Iam;
using Enclave.Components.Keys;
using Enclave.Components.Regions;
using Enclave.Components.Tenancy;
using Enclave.Configuration;
using Pulumi;
using Pulumi.Oci.Identity;
using Pulumi.Oci.Logging;
using Pulumi.Oci.Logging.Inputs;
using Pulumi.Oci.Sch;
using Pulumi.Oci.Sch.Inputs;
using OciLog = Pulumi.Oci.Logging.Log;

namespace Enclave.Components.Oversight;

/// <summary>
/// The log archive of one enclave region. A Service Connector only reads logs of its own region, and a bucket can only
/// be encrypted with a key of its own region, so each region the enclave uses gets its own: a private, CMK-encrypted,
/// retention-locked bucket (the region's logs key), a write log of every bucket there, and a connector shipping the
/// region's audit log (<c>_Audit_Include_Subcompartment</c>: IAM events are recorded in the home region only), the
/// region's flow logs and those write logs into the bucket, with the IAM policy both need.
/// </summary>
public sealed partial class RegionalArchive : EnclaveComponent
{
    public const string Type = "us-data-enclave:oversight:RegionalArchive";

    /// <summary>The root-level audit log group covering every compartment (OBP-SIEM).</summary>
    public const string AuditLogGroup = "_Audit_Include_Subcompartment";

    private readonly EnclaveSettings _settings;
    private readonly EnclaveCompartments _compartments;
    private readonly EnclaveRegion _region;

    public EnclaveRegion Region => _region;
    public Output<string> BucketName { get; }
    public Output<string> ConnectorId { get; }

    public RegionalArchive(string name, ArchiveInputs inputs, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        _settings = inputs.Settings;
        _compartments = inputs.Compartments;
        _region = inputs.Logs.Region;
        var bucketName = Display("log-archive");

        // Object Storage must be allowed to use the key before the bucket can be encrypted with it.
        var policy = DeclarePolicy(inputs.Home, inputs.Logs.Keys.LogsKeyId, bucketName);
        var bucket = DeclareBucket(bucketName, inputs.Logs.Keys.LogsKeyId, inputs.Namespace, policy);
        BucketName = bucket.Name;

        var bucketLogs = DeclareBucketWriteLogs(
            [new LoggedBucket("archive", bucket.Name, _compartments.Security, LogReads: true), .. inputs.Logs.Buckets]);
        ConnectorId = new Connector(ChildName("connector"), new ConnectorArgs
        {
            CompartmentId = _compartments.Security,
            DisplayName = Display("log-archive"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = $"Ships the {_region.Name} audit log, flow logs and bucket logs to the locked archive bucket.",
            Source = new ConnectorSourceArgs
            {
                Kind = "logging",
                LogSources = LogSources([.. inputs.Logs.FlowLogs, .. bucketLogs]),
            },
            Target = new ConnectorTargetArgs
            {
                Kind = "objectStorage",
                Bucket = bucket.Name,
                Namespace = inputs.Namespace,
                ObjectNamePrefix = "enclave-logs",
                BatchRolloverSizeInMbs = 100,
                BatchRolloverTimeInMs = 420000,
            },
        }, ChildOptions(_region.Provider, dependsOn: [policy])).Id;
        RegisterOutputs();
    }

    private string Display(string suffix) => Naming.Regional(_settings.NamePrefix, _region, suffix);

    private InputList<ConnectorSourceLogSourceArgs> LogSources(IEnumerable<ShippedLog> logs)
    {
        var sources = new InputList<ConnectorSourceLogSourceArgs>
        {
            new ConnectorSourceLogSourceArgs { CompartmentId = _settings.TenancyOcid, LogGroupId = AuditLogGroup },
        };
        foreach (var log in logs)
            sources.Add(new ConnectorSourceLogSourceArgs
            {
                CompartmentId = log.CompartmentId,
                LogGroupId = log.LogGroupId,
                LogId = log.LogId,
            });
        return sources;
    }

    // CIS 4.17: a write log for every bucket of the region, in a protected log group of the security compartment; and a
    // read log for every bucket too (ENC-LOG-022): exfiltration is a read, of the user data or of the archive (what the
    // gatekeepers see). Logs are audit evidence: protected too.
    private IReadOnlyList<ShippedLog> DeclareBucketWriteLogs(IReadOnlyList<LoggedBucket> buckets)
    {
        var group = new LogGroup(ChildName("bucket-logs"), new LogGroupArgs
        {
            CompartmentId = _compartments.Security,
            DisplayName = Display("bucket-logs"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = $"Object Storage write and read logs of every enclave bucket in {_region.Name}.",
        }, ChildOptions(_region.Provider, protect: true));

        var logs = new List<ShippedLog>();
        foreach (var b in buckets)
        {
            logs.Add(BucketLog(group, b, "write"));
            if (b.LogReads) logs.Add(BucketLog(group, b, "read"));
        }
        return logs;
    }

    private ShippedLog BucketLog(LogGroup group, LoggedBucket b, string category) =>
        new(_compartments.Security, group.Id, new OciLog(ChildName($"{b.Local}-bucket-{category}-log"), new LogArgs
        {
            LogGroupId = group.Id,
            DisplayName = Display($"{b.Local}-bucket-{category}-log"),
            LogType = "SERVICE",
            IsEnabled = true,
            RetentionDuration = _settings.Logging.LogRetentionDays,
            Configuration = new LogConfigurationArgs
            {
                CompartmentId = b.CompartmentId, // the bucket's compartment, not the log's
                Source = new LogConfigurationSourceArgs
                {
                    Service = "objectstorage",
                    Category = category,
                    Resource = b.Name,
                    SourceType = "OCISERVICE",
                },
            },
        }, ChildOptions(_region.Provider, protect: true)).Id);

    // IAM lives in the home region. Object Storage of this region may use this region's logs key (to encrypt the
    // archive), and the connector writes as a service principal: any-user narrowed to connectors of the security
    // compartment and to this one bucket (landing-zone wording); it may not delete what it archived.
    private Policy DeclarePolicy(ProviderResource home, Output<string> logsKeyId, string bucketName) =>
        new(ChildName("connector-policy"), new PolicyArgs
        {
            CompartmentId = _compartments.Top,
            Name = Display("log-archive-connector-policy"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = $"Object Storage of {_region.Name} encrypts the {_region.Name} log archive with its logs key; " +
                          "the log-archive Service Connector writes to that archive bucket only, the auditors read it.",
            Statements = Output.Tuple(_compartments.Security, logsKeyId).Apply(t => new List<string>
            {
                KeyUseStatement(_region.Name, t.Item1, t.Item2),
                ConnectorWriteStatement(t.Item1, bucketName),
                AuditorReadStatement(Personas.Of(_settings), t.Item1, bucketName),
            }),
        }, ChildOptions(home));

    public static string KeyUseStatement(string region, string securityCompartmentId, string keyId) =>
        $"allow service objectstorage-{region} to use keys in compartment id {securityCompartmentId} " +
        $"where target.key.id = '{keyId}'";

    /// <summary>The auditors read the archived logs: this bucket's objects only (their ceiling: no user data), from
    /// their own network source and with MFA, like every persona grant.</summary>
    public static string AuditorReadStatement(Personas personas, string securityCompartmentId, string bucketName) =>
        $"allow {personas.Group(personas.Auditor)} to read objects in compartment id {securityCompartmentId} " +
        $"where all {{target.bucket.name = '{bucketName}', {personas.AuditorGuard}}}";

    public static string ConnectorWriteStatement(string securityCompartmentId, string bucketName) =>
        $"allow any-user to manage objects in compartment id {securityCompartmentId} where all " +
        $"{{request.principal.type = 'serviceconnector', target.bucket.name = '{bucketName}', " +
        $"request.principal.compartment.id = '{securityCompartmentId}', request.permission != 'OBJECT_DELETE'}}";
}

/// <summary>What one region's archive ships: its keys, the flow logs of its networks and the buckets it holds besides
/// the archive itself (whose write logs it declares).</summary>
public sealed record RegionalLogs(
    EnclaveRegion Region,
    VaultAndKeys Keys,
    IReadOnlyList<ShippedLog> FlowLogs,
    IReadOnlyList<LoggedBucket> Buckets);

/// <summary>What a regional archive needs from the other concerns.</summary>
public sealed record ArchiveInputs(
    EnclaveSettings Settings,
    EnclaveCompartments Compartments,
    ProviderResource Home,
    Output<string> Namespace,
    RegionalLogs Logs);

/// <summary>A bucket whose writes (and, for user data, reads) are logged: a short local name, the bucket name and its
/// compartment.</summary>
public sealed record LoggedBucket(string Local, Output<string> Name, Output<string> CompartmentId, bool LogReads = false);
