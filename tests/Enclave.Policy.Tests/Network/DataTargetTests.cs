using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using static Enclave.Policy.Tests.Reachability.NetGraph;

namespace Enclave.Policy.Tests.Reachability;

public class DataTargetTests
{
    private static IReadOnlyList<ReachTarget> Targets(NetGraph g) => DataTargets.Find(new NetworkModel(g.Build()));

    [Fact]
    public void Databases_and_the_subnets_hosting_them_are_targets()
    {
        var targets = Targets(TestEnclave());
        Assert.Equal(["data", "enclave-adb"], targets.Select(t => t.Node.Name).Order());
        var adb = targets.Single(t => t.Kind == TargetKind.DatabaseEndpoint);
        Assert.Equal(1522, adb.ListenerPort);
        Assert.Equal("NSG nsg-db", Assert.Single(adb.Nsgs).Label);
    }

    [Theory]
    [InlineData("usde-prod-data", true)]
    [InlineData("db_subnet", true)]
    [InlineData("DataTier", false)]
    [InlineData("metadata", false)]
    [InlineData("app", false)]
    public void Subnets_named_data_are_targets_by_name(string name, bool expected)
    {
        var g = new NetGraph();
        g.Add(OciTypes.Subnet, name);
        Assert.Equal(expected, Targets(g).Any(t => t.Node.Name == name));
    }

    [Fact]
    public void Display_name_counts_too()
    {
        var g = new NetGraph();
        g.Add(OciTypes.Subnet, "s1", ("displayName", S("usde-prod-data-subnet")));
        Assert.Equal(TargetKind.DataSubnet, Assert.Single(Targets(g)).Kind);
    }

    [Fact]
    public void Adb_without_subnet_is_a_public_endpoint_target()
    {
        var g = new NetGraph();
        g.Add(OciTypes.AutonomousDatabase, "adb", ("dbName", S("X")));
        Assert.Equal(TargetKind.DatabasePublicEndpoint, Assert.Single(Targets(g)).Kind);
    }
}
