using System.Collections.Immutable;
using Enclave.Components;
using Enclave.Components.Data;
using Enclave.Components.Iam;
using Enclave.Components.Keys;
using Enclave.Components.Network;
using Enclave.Components.Oversight;
using Enclave.Components.Regions;
using Enclave.Components.Storage;
using Enclave.Components.Tenancy;
using Enclave.Configuration;
using Pulumi;

namespace Enclave;

/// <summary>
/// The US data enclave. Config is read and validated first (a bad value stops the run with one clear message before
/// anything is declared, the stack resource included); then one component per concern is declared, in the order data
/// flows: regions → tenancy foundation → keys → network → IAM (key grants first) → storage and database → oversight.
/// </summary>
public sealed class EnclaveStack : Stack
{
    public EnclaveStack() : this(EnclaveConfig.Read())
    {
    }

    private EnclaveStack(EnclaveSettings settings)
        : base(new StackOptions { ResourceTransformations = { ResourceObserver.Transformation } })
    {
        var regions = new RegionProviders("regions", settings);
        var foundation = new TenancyFoundation("tenancy", settings, regions.Home);
        var compartments = foundation.Compartments;
        // One vault per enclave region: the deployment region's holds the data keys, the others a logs key each.
        var regionalKeys = regions.Regions.Select(r =>
            new VaultAndKeys(r.IsDeployment ? "keys" : $"keys-{r.Name}", settings, compartments, r)).ToList();
        var keys = regionalKeys.Single(k => k.Region.IsDeployment);

        var network = new EnclaveNetwork("network", settings,
            new NetworkPlacement("primary", settings.DeploymentRegion, Provider: null), compartments);
        var standbyNetwork = regions.Standby is null || settings.Database.StandbyRegion is not { } standbyRegion
            ? null
            : new EnclaveNetwork("network-standby", settings,
                new NetworkPlacement("standby", standbyRegion, regions.Standby), compartments);

        // IAM before the data: the key grants must exist before a bucket or the database is encrypted with a key.
        var iam = new IamBoundaries("iam", settings, regions.Home, compartments, keys);
        var storage = new AppStorage("storage", settings, compartments, keys, iam.BucketsKeyGrant);
        var database = new EnclaveDatabase("database", settings, compartments, keys, iam.DatabaseKeyGrant, network,
            standbyNetwork is null ? null : new StandbyPlacement(regions.Standby!, standbyNetwork));
        var oversight = new Oversight("oversight", new OversightInputs(settings, compartments, regions.Home,
            storage.Namespace, [.. regionalKeys.Select(k => RegionalLogsOf(k, network, standbyNetwork, storage, compartments))]));

        TopCompartmentId = compartments.Top;
        SecurityZoneId = foundation.SecurityZoneId;
        VaultId = keys.VaultId;
        VcnId = network.VcnId;
        DataSubnetId = network.DataSubnetId;
        BastionId = network.BastionId;
        DatabaseId = database.DatabaseId;
        DatabasePrivateEndpointLabel = database.PrivateEndpointLabel;
        DatabasePrivateEndpoint = database.PrivateEndpoint;
        StandbyDatabaseId = database.StandbyDatabaseId ?? Output.Create(string.Empty);
        AppBucketName = storage.BucketName;
        ArchiveBucketName = oversight.Archive.BucketName;
        ArchiveBucketNames = oversight.ArchiveBucketNames;
        ServiceConnectorId = oversight.Archive.ConnectorId;
        NotificationTopicId = oversight.HomeTopicId;
        GatekeeperNetworkSourceId = iam.NetworkSourceId;
        SubscribedRegions = regions.SubscribedRegions;
    }

    // What each region's archive ships: the flow logs of the networks there, and the deployment region's app bucket.
    private static RegionalLogs RegionalLogsOf(VaultAndKeys keys, EnclaveNetwork network, EnclaveNetwork? standbyNetwork,
        AppStorage storage, EnclaveCompartments compartments)
    {
        var region = keys.Region;
        IReadOnlyList<ShippedLog> flowLogs = region.IsDeployment ? network.FlowLogs
            : region.IsStandby && standbyNetwork is not null ? standbyNetwork.FlowLogs : [];
        IReadOnlyList<LoggedBucket> buckets = region.IsDeployment ? [new LoggedBucket("user-data", storage.BucketName, compartments.App, LogReads: true)] : [];
        return new RegionalLogs(region, keys, flowLogs, buckets);
    }

    [Output("topCompartmentId")] public Output<string> TopCompartmentId { get; private set; }
    [Output("securityZoneId")] public Output<string> SecurityZoneId { get; private set; }
    [Output("vaultId")] public Output<string> VaultId { get; private set; }
    [Output("vcnId")] public Output<string> VcnId { get; private set; }
    [Output("dataSubnetId")] public Output<string> DataSubnetId { get; private set; }
    [Output("bastionId")] public Output<string> BastionId { get; private set; }
    [Output("databaseId")] public Output<string> DatabaseId { get; private set; }
    [Output("databasePrivateEndpointLabel")] public Output<string> DatabasePrivateEndpointLabel { get; private set; }
    [Output("databasePrivateEndpoint")] public Output<string> DatabasePrivateEndpoint { get; private set; }
    /// <summary>Empty when the stack has no cross-region standby.</summary>
    [Output("standbyDatabaseId")] public Output<string> StandbyDatabaseId { get; private set; }
    [Output("appBucketName")] public Output<string> AppBucketName { get; private set; }
    [Output("archiveBucketName")] public Output<string> ArchiveBucketName { get; private set; }
    /// <summary>The log archive bucket of every region the enclave uses, by region.</summary>
    [Output("archiveBucketNames")] public Output<ImmutableDictionary<string, string>> ArchiveBucketNames { get; private set; }
    [Output("serviceConnectorId")] public Output<string> ServiceConnectorId { get; private set; }
    [Output("notificationTopicId")] public Output<string> NotificationTopicId { get; private set; }
    [Output("gatekeeperNetworkSourceId")] public Output<string> GatekeeperNetworkSourceId { get; private set; }
    [Output("subscribedRegions")] public Output<ImmutableArray<string>> SubscribedRegions { get; private set; }
}
