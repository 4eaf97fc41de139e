using Enclave.Components.Keys;
using Enclave.Components.Network;
using Enclave.Configuration;
using Enclave.Tests.Support;
using Pulumi;

namespace Enclave.Tests.Isolation;

/// <summary>
/// Controls of the isolation components that no test asserted before the mutation run of `Components/{Network,Data,
/// Keys,Storage,Regions}` (docs/testing.md lists each mutant these kill).
/// </summary>
public sealed class ComponentGapTests
{
    private static readonly OracleService All = new("ocid1.service.oc1.iad.all", "all-iad-services-in-oracle-services-network");
    private static readonly OracleService ObjectStorage = new("ocid1.service.oc1.iad.os", "oci-iad-objectstorage");

    // The service gateway reaches exactly the configured Oracle services: a look-alike label (or the other scope) is
    // never picked, whatever order the region lists its services in.
    [Theory]
    [InlineData(ServiceGatewayScope.ObjectStorage, "ocid1.service.oc1.iad.os")]
    [InlineData(ServiceGatewayScope.AllServices, "ocid1.service.oc1.iad.all")]
    public void ServiceGateway_PicksOnlyTheConfiguredScope(ServiceGatewayScope scope, string expected)
    {
        OracleService[] decoys =
        [
            new("ocid1.service.oc1.iad.d1", "oci-iad-objectstorage-replica"), new("ocid1.service.oc1.iad.d2", "x-iad-objectstorage"),
            new("ocid1.service.oc1.iad.d3", "all-iad-services"), new("ocid1.service.oc1.iad.d4", "x-all-iad-services-in-oracle-services-network"),
        ];
        Assert.Equal(expected, OracleServices.Pick(scope, "us-ashburn-1", [.. decoys, All, ObjectStorage]).Id);
        Assert.Equal(expected, OracleServices.Pick(scope, "us-ashburn-1", [ObjectStorage, All, .. decoys]).Id);
    }

    [Fact]
    public void ServiceGateway_StopsWithOneLineWhenTheRegionLacksTheService()
    {
        var error = Assert.Throws<RunException>(() => OracleServices.Pick(ServiceGatewayScope.ObjectStorage, "us-ashburn-1", [All]));
        Assert.Contains("No Oracle Services Network service for network.serviceGateway=ObjectStorage in us-ashburn-1", error.Message);
    }

    [Theory]
    [InlineData(VaultType.Default, "DEFAULT")]
    [InlineData(VaultType.VirtualPrivate, "VIRTUAL_PRIVATE")]
    public void Vault_TypeIsTheProvidersName(VaultType type, string expected) => Assert.Equal(expected, VaultAndKeys.VaultTypeName(type));

    // The replica is what the cross-region standby is encrypted through: deleting it locks the standby out of its key.
    [Fact]
    public async Task VaultReplica_IsProtected()
    {
        var replica = Assert.Single((await EnclaveRun.Of("prod")).Observations, o => o.Type == Oci.VaultReplica);
        Assert.True(replica.Options.Protect, $"{replica} is not protected");
    }

    // Operators cannot scale the database by hand (OCI authorizes scaling with every security change), so load must be
    // absorbed by auto-scaling; the standby is billed and sized like the primary.
    [Theory, MemberData(nameof(Verdict.Stacks), MemberType = typeof(Verdict))]
    public async Task Databases_AutoScaleOnEcpus(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        foreach (var db in d.OfType(Oci.AutonomousDatabase))
        {
            Assert.Equal("ECPU", db.Str("computeModel"));
            if (db.Str("source") is null)
            {
                Assert.True(db.Bool("isAutoScalingEnabled"), $"{db} does not auto-scale compute");
                Assert.True(db.Bool("isAutoScalingForStorageEnabled"), $"{db} does not auto-scale storage");
            }
        }
    }

    // Object events of the user-data bucket are what the oversight alerts and the gatekeepers' event rules see.
    [Theory, MemberData(nameof(Verdict.Stacks), MemberType = typeof(Verdict))]
    public async Task UserDataBucket_EmitsObjectEventsOnTheStandardTier(string stack)
    {
        var bucket = (await EnclaveRun.Of(stack)).Single(Oci.Bucket, "user-data");
        Assert.True(bucket.Bool("objectEventsEnabled"), $"{bucket} emits no object events");
        Assert.Equal("Standard", bucket.Str("storageTier"));
    }

    // Flow logs are service logs (an OCI service writes them); any other type is no flow log at all.
    [Theory, MemberData(nameof(Verdict.Stacks), MemberType = typeof(Verdict))]
    public async Task FlowLogs_AreServiceLogs(string stack)
    {
        var flowLogs = (await EnclaveRun.Of(stack)).OfType(Oci.Log).Where(l => l.Str("configuration.source.service") == "flowlogs").ToList();
        Assert.NotEmpty(flowLogs);
        Assert.All(flowLogs, l => Assert.Equal("SERVICE", l.Str("logType")));
    }

    // The application tier's only ways out: the database listener and HTTPS to this region's Oracle services, both present.
    [Theory, MemberData(nameof(Verdict.Stacks), MemberType = typeof(Verdict))]
    public async Task AppNsg_ReachesOracleServicesOverHttps(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        var services = d.OfType(Oci.NsgRule).Where(r => r.Name.Contains("app-to-services", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(services);
        var routeLabels = d.OfType(Oci.RouteTable).SelectMany(t => t.List("routeRules")).Select(r => Values.At(r, "destination") as string).ToHashSet();
        Assert.All(services, r =>
        {
            Assert.Equal(("EGRESS", "SERVICE_CIDR_BLOCK", "6", 443.0, 443.0), (r.Str("direction"), r.Str("destinationType"),
                r.Str("protocol"), r.Num("tcpOptions.destinationPortRange.min"), r.Num("tcpOptions.destinationPortRange.max")));
            Assert.Contains(r.Str("destination"), routeLabels);
        });
    }

    // Data Safe reaches the database through its private endpoint, as an Oracle-cloud Autonomous Database target.
    [Theory, MemberData(nameof(Verdict.Stacks), MemberType = typeof(Verdict))]
    public async Task DataSafe_TargetsTheAutonomousDatabaseInOracleCloud(string stack)
    {
        var target = Assert.Single((await EnclaveRun.Of(stack)).OfType(Oci.DataSafeTarget));
        Assert.Equal(("AUTONOMOUS_DATABASE", "ORACLE_CLOUD"),
            (target.Str("databaseDetails.databaseType"), target.Str("databaseDetails.infrastructureType")));
    }
}
