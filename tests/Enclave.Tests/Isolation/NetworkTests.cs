using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

public sealed class NetworkTests
{
    private static readonly System.Collections.Immutable.ImmutableDictionary<string, object> Empty =
        System.Collections.Immutable.ImmutableDictionary<string, object>.Empty;

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Subnets_ArePrivate(string stack) => Holds(NetworkRules.SubnetsArePrivate(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Subnets_ArePrivate_ReportsPublicIps() =>
        Broken(NetworkRules.SubnetsArePrivate(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Subnet, "prohibitPublicIpOnVnic", false, nameContains: "app"))), "prohibitPublicIpOnVnic=False");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Network_HasNoInternetOrNatGateway(string stack) =>
        Holds(NetworkRules.NetworkHasNoInternetOrNatGateway(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Network_HasNoInternetOrNatGateway_ReportsAnInternetGateway() =>
        Broken(NetworkRules.NetworkHasNoInternetOrNatGateway(await EnclaveRun.RunAsync("dev", new Variant
        {
            Extra = [new Registered(Oci.InternetGateway, "igw", Empty, "", "ocid1.internetgateway.oc1..igw", Empty)],
        })), "igw");

    [Fact]
    public async Task Network_HasNoInternetOrNatGateway_ReportsADefaultRoute() =>
        Broken(NetworkRules.NetworkHasNoInternetOrNatGateway(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.RouteTable, "routeRules[0].destination", "0.0.0.0/0", nameContains: "data"))), "0.0.0.0/0");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task RouteTables_OnlyRouteToServiceGateway(string stack) =>
        Holds(NetworkRules.RouteTablesOnlyRouteToServiceGateway(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task RouteTables_OnlyRouteToServiceGateway_ReportsOtherTarget() =>
        Broken(NetworkRules.RouteTablesOnlyRouteToServiceGateway(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.RouteTable, "routeRules[0].networkEntityId", "ocid1.drg.oc1..parent", nameContains: "admin"))), "ocid1.drg.oc1..parent");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ServiceGateway_ReachesConfiguredOracleServices(string stack) =>
        Holds(NetworkRules.ServiceGatewayReachesConfiguredOracleServices(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task ServiceGateway_ReachesConfiguredOracleServices_ReportsAllServicesInProd() =>
        Broken(NetworkRules.ServiceGatewayReachesConfiguredOracleServices(await EnclaveRun.RunAsync("prod",
            Variant.Flip(Oci.RouteTable, "routeRules[0].destination", "all-iad-services-in-oracle-services-network"))), "all-iad");

    // Where the stack says Object Storage only, each gateway attaches the service the stack declares for its region
    // (oracleIds.objectStorageServices), the one ENC-NET-011 judges it against; otherwise the looked-up all-services one.
    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task ServiceGateway_AttachesTheDeclaredObjectStorageService(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        var gateways = d.OfType(Oci.ServiceGateway).ToList();
        Assert.NotEmpty(gateways);
        foreach (var gateway in gateways)
        {
            var region = d.RegionOf(gateway);
            var services = (IEnumerable<object?>)Values.At(d.Cloud.Invoke(Enclave.Offline.Fakes.FakeCloud.GetServices, Empty, region), "services")!;
            var allServices = Values.At(services.Single(s => Values.At(s, "cidrBlock") is string label &&
                label.StartsWith("all-", StringComparison.Ordinal)), "id") as string;
            var expected = d.Settings.Network.ServiceGateway == Enclave.Configuration.ServiceGatewayScope.ObjectStorage
                ? d.Settings.OracleIds.ObjectStorageServices[region] : allServices;
            Assert.StartsWith("ocid1.service.", expected);
            Assert.Equal(expected, gateway.Str("services[0].serviceId"));
        }
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task DefaultSecurityList_IsEmptied(string stack) =>
        Holds(NetworkRules.DefaultSecurityListIsEmptied(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task DefaultSecurityList_IsEmptied_ReportsRemainingRule() =>
        Broken(NetworkRules.DefaultSecurityListIsEmptied(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.DefaultSecurityList, "ingressSecurityRules",
                new List<object> { new Dictionary<string, object> { ["protocol"] = "6", ["source"] = "0.0.0.0/0" } }))), "still has rules");

    [Fact]
    public async Task DefaultSecurityList_IsEmptied_ReportsUnstatedRules() =>
        Broken(NetworkRules.DefaultSecurityListIsEmptied(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.DefaultSecurityList, "egressSecurityRules", null))), "does not state its egressSecurityRules");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task DatabaseNsg_AdmitsOnly1522FromAppAndBastion(string stack) =>
        Holds(NetworkRules.DatabaseNsgAdmitsOnly1522FromAppAndBastion(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task DatabaseNsg_AdmitsOnly1522FromAppAndBastion_ReportsOtherPort() =>
        Broken(NetworkRules.DatabaseNsgAdmitsOnly1522FromAppAndBastion(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.NsgRule, "tcpOptions.destinationPortRange.min", 22.0, nameContains: "db-from-admin"))), "admits 6/22");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Nsgs_AdmitNothingFromAnywhere(string stack) =>
        Holds(NetworkRules.NsgsAdmitNothingFromAnywhere(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Nsgs_AdmitNothingFromAnywhere_ReportsOpenSource() =>
        Broken(NetworkRules.NsgsAdmitNothingFromAnywhere(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.NsgRule, "source", "0.0.0.0/0", nameContains: "db-from-admin"))), "from anywhere");

    // An unknown or misspelt direction is read as ingress (by OCI's refusal and by the gate): never a way to hide a rule.
    [Theory]
    [InlineData("direction", "BOTH", "neither INGRESS nor EGRESS")]
    [InlineData("direction", "ingress", "neither INGRESS nor EGRESS")]
    [InlineData("stateless", true, "is not stated stateful")]
    [InlineData("source", "10.0.0.0/8", "admits the near-open range 10.0.0.0/8")]
    [InlineData("source", "::ffff:0.0.0.0/96", "admits the near-open range")]
    public async Task Nsgs_AdmitNothingFromAnywhere_ReportsDirectionStatelessAndNearOpen(string path, object value, string message) =>
        Broken(NetworkRules.NsgsAdmitNothingFromAnywhere(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.NsgRule, path, value, nameContains: "db-from-admin"))), message);

    [Fact]
    public async Task AppNsg_EgressOnlyToDatabaseAndOracleServices_ReportsMissingDatabaseEgress() =>
        Broken(NetworkRules.AppNsgEgressOnlyToDatabaseAndOracleServices(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.NsgRule, "tcpOptions.destinationPortRange.min", 1521.0, nameContains: "app-to-db"))), "has no egress to the database listener");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task AppNsg_EgressOnlyToDatabaseAndOracleServices(string stack) =>
        Holds(NetworkRules.AppNsgEgressOnlyToDatabaseAndOracleServices(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task AppNsg_EgressOnlyToDatabaseAndOracleServices_ReportsInternetEgress() =>
        Broken(NetworkRules.AppNsgEgressOnlyToDatabaseAndOracleServices(await EnclaveRun.RunAsync("dev",
            Variant.Change(Oci.NsgRule, r => r.Name.Contains("app-to-services")
                ? r.With("destination", "0.0.0.0/0").With("destinationType", "CIDR_BLOCK") : r))), "egress to 0.0.0.0/0");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task FlowLogs_CoverEverySubnet(string stack) =>
        Holds(NetworkRules.FlowLogsCoverEverySubnet(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task FlowLogs_CoverEverySubnet_ReportsUnloggedSubnet() =>
        Broken(NetworkRules.FlowLogsCoverEverySubnet(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Log, "configuration.source.resource", "ocid1.subnet.oc1..other", nameContains: "data-flow"))), "has no flow log");

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task Bastion_OnlyFromGatekeeperCidrsForAtMostThreeHours(string stack) =>
        Holds(NetworkRules.BastionOnlyFromGatekeeperCidrsForAtMostThreeHours(await EnclaveRun.Of(stack)));

    [Fact]
    public async Task Bastion_OnlyFromGatekeeperCidrsForAtMostThreeHours_ReportsOpenAllowList() =>
        Broken(NetworkRules.BastionOnlyFromGatekeeperCidrsForAtMostThreeHours(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Bastion, "clientCidrBlockAllowLists", new List<object> { "0.0.0.0/0" }))), "0.0.0.0/0");

    [Fact]
    public async Task Bastion_OnlyFromGatekeeperCidrsForAtMostThreeHours_ReportsLongSessions() =>
        Broken(NetworkRules.BastionOnlyFromGatekeeperCidrsForAtMostThreeHours(await EnclaveRun.RunAsync("dev",
            Variant.Flip(Oci.Bastion, "maxSessionTtlInSeconds", 86400.0))), "86400");
}
