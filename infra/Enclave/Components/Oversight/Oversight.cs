using System.Collections.Immutable;
using Enclave.Configuration;
using Enclave.Components.Tenancy;
using Pulumi;

namespace Enclave.Components.Oversight;

/// <summary>
/// Logging sinks and oversight (item 7): in every region the enclave uses, a locked log archive (<see cref="RegionalArchive"/>:
/// write logs on every bucket, a Service Connector shipping that region's audit log, flow logs and bucket logs to a
/// private, CMK-encrypted, retention-locked bucket of the same region); CIS and enclave-threat event rules in the root
/// compartment notifying the gatekeepers by email; and audit-log alerts for what the Events service does not report.
/// </summary>
public sealed partial class Oversight : EnclaveComponent
{
    public const string Type = "us-data-enclave:oversight:Oversight";

    private readonly EnclaveSettings _settings;
    private readonly EnclaveCompartments _compartments;

    /// <summary>The archive of the deployment region.</summary>
    public RegionalArchive Archive { get; }
    /// <summary>Every region's archive, deployment region first.</summary>
    public IReadOnlyList<RegionalArchive> Archives { get; }
    /// <summary>Archive bucket name by region.</summary>
    public Output<ImmutableDictionary<string, string>> ArchiveBucketNames { get; }
    /// <summary>Topic of the home region (identity, Cloud Guard and network notifications).</summary>
    public Output<string> HomeTopicId { get; }

    public Oversight(string name, OversightInputs inputs, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        _settings = inputs.Settings;
        _compartments = inputs.Compartments;

        Archives = [.. inputs.Regions.Select(logs => new RegionalArchive(ChildName($"archive-{logs.Region.Name}"),
            new ArchiveInputs(_settings, _compartments, inputs.Home, inputs.Namespace, logs),
            new ComponentResourceOptions { Parent = this }))];
        Archive = Archives.Single(a => a.Region.IsDeployment);
        ArchiveBucketNames = Output.All(Archives.Select(a => a.BucketName))
            .Apply(names => Archives.Zip(names).ToImmutableDictionary(x => x.First.Region.Name, x => x.Second));

        HomeTopicId = DeclareAlerts([.. inputs.Regions.Select(r => r.Region)], inputs.Home);
        RegisterOutputs();
    }
}

/// <summary>What oversight needs from the other concerns: one entry per region the enclave uses.</summary>
public sealed record OversightInputs(
    EnclaveSettings Settings,
    EnclaveCompartments Compartments,
    ProviderResource Home,
    Output<string> Namespace,
    IReadOnlyList<RegionalLogs> Regions);
