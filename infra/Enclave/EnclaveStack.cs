using System.Collections.Immutable;
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
/// flows: regions → tenancy foundation → keys → network → storage and database → IAM → oversight.
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
        var keys = new VaultAndKeys("keys", settings, compartments);

        var network = new EnclaveNetwork("network", settings,
            new NetworkPlacement("primary", settings.DeploymentRegion, Provider: null), compartments);
        var standbyNetwork = regions.Standby is null || settings.Database.StandbyRegion is not { } standbyRegion
            ? null
            : new EnclaveNetwork("network-standby", settings,
                new NetworkPlacement("standby", standbyRegion, regions.Standby), compartments);

        var storage = new AppStorage("storage", settings, compartments, keys);
        var database = new EnclaveDatabase("database", settings, compartments, keys, network,
            standbyNetwork is null ? null : new StandbyPlacement(regions.Standby!, standbyNetwork));
        var iam = new IamBoundaries("iam", settings, regions.Home, compartments, keys);
        var oversight = new Oversight("oversight", new OversightInputs(settings, compartments, keys, regions.Home,
            storage.Namespace, [new LoggedBucket("user-data", storage.BucketName, compartments.App)], network.FlowLogs, AlertRegions(settings, regions)));

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
        ArchiveBucketName = oversight.ArchiveBucketName;
        ServiceConnectorId = oversight.ServiceConnectorId;
        NotificationTopicId = oversight.HomeTopicId;
        GatekeeperNetworkSourceId = iam.NetworkSourceId;
        SubscribedRegions = regions.SubscribedRegions;
    }

    // One alert region per region the enclave uses: home (IAM events), deployment, and the database standby.
    private static IReadOnlyList<AlertRegion> AlertRegions(EnclaveSettings settings, RegionProviders regions)
    {
        var list = new List<AlertRegion> { new(settings.HomeRegion, regions.Home, IsHome: true) };
        if (settings.DeploymentRegion != settings.HomeRegion)
            list.Add(new AlertRegion(settings.DeploymentRegion, Provider: null, IsHome: false));
        if (settings.Database.StandbyRegion is { } standby && regions.Standby is not null &&
            list.All(r => r.Region != standby))
            list.Add(new AlertRegion(standby, regions.Standby, IsHome: false));
        return list;
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
    [Output("serviceConnectorId")] public Output<string> ServiceConnectorId { get; private set; }
    [Output("notificationTopicId")] public Output<string> NotificationTopicId { get; private set; }
    [Output("gatekeeperNetworkSourceId")] public Output<string> GatekeeperNetworkSourceId { get; private set; }
    [Output("subscribedRegions")] public Output<ImmutableArray<string>> SubscribedRegions { get; private set; }
}
