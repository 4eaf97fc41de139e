using Enclave.Configuration;
using Enclave.Components.Keys;
using Enclave.Components.Tenancy;
using Pulumi;
using Pulumi.Oci.Identity;
using Pulumi.Oci.Logging;
using OciLog = Pulumi.Oci.Logging.Log;
using Pulumi.Oci.Logging.Inputs;
using Pulumi.Oci.Sch;
using Pulumi.Oci.Sch.Inputs;

namespace Enclave.Components.Oversight;

/// <summary>
/// Logging sinks and oversight (item 7): write logs on every bucket, a Service Connector shipping the tenancy audit
/// log, every flow log and every bucket log to a private, CMK-encrypted, retention-locked archive bucket in the
/// deployment region, and CIS event rules in the root compartment notifying the gatekeepers by email.
/// </summary>
public sealed partial class Oversight : EnclaveComponent
{
    public const string Type = "us-data-enclave:oversight:Oversight";

    /// <summary>The root-level audit log group covering every compartment (OBP-SIEM).</summary>
    public const string AuditLogGroup = "_Audit_Include_Subcompartment";

    private readonly EnclaveSettings _settings;
    private readonly EnclaveCompartments _compartments;

    public Output<string> ArchiveBucketName { get; }
    public Output<string> ServiceConnectorId { get; }
    /// <summary>Topic of the home region (identity, Cloud Guard and network notifications).</summary>
    public Output<string> HomeTopicId { get; }

    public Oversight(string name, OversightInputs inputs, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        _settings = inputs.Settings;
        _compartments = inputs.Compartments;

        var archive = DeclareArchiveBucket(inputs.Keys, inputs.Namespace);
        ArchiveBucketName = archive.Name;

        var bucketLogs = DeclareBucketWriteLogs(
            [new LoggedBucket("archive", archive.Name, _compartments.Security), .. inputs.AppBuckets]);
        var policy = DeclareConnectorPolicy(inputs.Home, archive.Name);
        ServiceConnectorId = new Connector(ChildName("log-archive"), new ConnectorArgs
        {
            CompartmentId = _compartments.Security,
            DisplayName = Naming.Display(_settings.NamePrefix, "log-archive"),
            Description = "Ships the tenancy audit log, flow logs and bucket logs to the locked archive bucket.",
            Source = new ConnectorSourceArgs
            {
                Kind = "logging",
                LogSources = LogSources([.. inputs.FlowLogs, .. bucketLogs]),
            },
            Target = new ConnectorTargetArgs
            {
                Kind = "objectStorage",
                Bucket = archive.Name,
                Namespace = inputs.Namespace,
                ObjectNamePrefix = "enclave-logs",
                BatchRolloverSizeInMbs = 100,
                BatchRolloverTimeInMs = 420000,
            },
        }, ChildOptions(dependsOn: [policy])).Id;

        HomeTopicId = DeclareAlerts(inputs.Regions);
        RegisterOutputs();
    }

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

    // CIS 4.17: a write log for every bucket, in a protected log group of the security compartment.
    private IReadOnlyList<ShippedLog> DeclareBucketWriteLogs(IReadOnlyList<LoggedBucket> buckets)
    {
        var group = new LogGroup(ChildName("bucket-logs"), new LogGroupArgs
        {
            CompartmentId = _compartments.Security,
            DisplayName = Naming.Display(_settings.NamePrefix, "bucket-logs"),
            Description = "Object Storage write logs of every enclave bucket.",
        }, ChildOptions(protect: true));

        return [.. buckets.Select(b => new ShippedLog(_compartments.Security, group.Id, new OciLog(
            ChildName($"{b.Local}-bucket-write-log"), new LogArgs
            {
                LogGroupId = group.Id,
                DisplayName = Naming.Display(_settings.NamePrefix, $"{b.Local}-bucket-write-log"),
                LogType = "SERVICE",
                IsEnabled = true,
                RetentionDuration = _settings.Logging.LogRetentionDays,
                Configuration = new LogConfigurationArgs
                {
                    CompartmentId = b.CompartmentId, // the bucket's compartment, not the log's
                    Source = new LogConfigurationSourceArgs
                    {
                        Service = "objectstorage",
                        Category = "write",
                        Resource = b.Name,
                        SourceType = "OCISERVICE",
                    },
                },
            }, ChildOptions()).Id))];
    }

    // The connector writes as a service principal: any-user narrowed to connectors of the security compartment and
    // to this one bucket (landing-zone wording); it may not delete what it archived.
    private Policy DeclareConnectorPolicy(ProviderResource home, Output<string> bucket) =>
        new(ChildName("connector-policy"), new PolicyArgs
        {
            CompartmentId = _compartments.Top,
            Name = Naming.Display(_settings.NamePrefix, "log-archive-connector-policy"),
            Description = "The log-archive Service Connector writes to the archive bucket only.",
            Statements = Output.Tuple(_compartments.Security, bucket).Apply(t => new List<string>
            {
                ConnectorWriteStatement(t.Item1, t.Item2),
            }),
        }, ChildOptions(home));

    public static string ConnectorWriteStatement(string securityCompartmentId, string bucketName) =>
        $"allow any-user to manage objects in compartment id {securityCompartmentId} where all " +
        $"{{request.principal.type = 'serviceconnector', target.bucket.name = '{bucketName}', " +
        $"request.principal.compartment.id = '{securityCompartmentId}', request.permission != 'OBJECT_DELETE'}}";
}

/// <summary>What oversight needs from the other concerns.</summary>
public sealed record OversightInputs(
    EnclaveSettings Settings,
    EnclaveCompartments Compartments,
    VaultAndKeys Keys,
    ProviderResource Home,
    Output<string> Namespace,
    IReadOnlyList<LoggedBucket> AppBuckets,
    IReadOnlyList<ShippedLog> FlowLogs,
    IReadOnlyList<AlertRegion> Regions);

/// <summary>A bucket whose writes are logged: a short local name, the bucket name and its compartment.</summary>
public sealed record LoggedBucket(string Local, Output<string> Name, Output<string> CompartmentId);
