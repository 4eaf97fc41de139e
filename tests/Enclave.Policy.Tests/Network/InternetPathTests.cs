using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Reachability;
using static Enclave.Policy.Tests.Reachability.NetGraph;

namespace Enclave.Policy.Tests.Reachability;

/// <summary>ENC-NET-101 over each piece of the internet door: gateway, public IPs, return route, SL and NSG rules.</summary>
public class InternetPathTests
{
    private static readonly IRule Rule = new NoInternetPathToData();

    [Fact]
    public void Security_list_opening_1522_to_the_world_on_a_public_subnet_behind_an_igw_is_an_open_path()
    {
        var findings = Check.Run(Rule, OpenDoor().Build());

        var adb = findings.On("enclave-adb");
        Assert.Equal(Verdict.Fail, adb.Verdict);
        Assert.Equal(
            "open: internet 0.0.0.0/0 → InternetGateway igw (enabled) → route table rt-data 0.0.0.0/0→igw → " +
            "subnet data (public IPs allowed) → security list sl-data ingress tcp 1522 from 0.0.0.0/0 → " +
            "AutonomousDatabase enclave-adb :1522",
            Assert.Single(adb.Evidence));
        // The data subnet itself is exposed through the same rule.
        Assert.Equal(Verdict.Fail, findings.On("data").Verdict);
        // The app subnet is not a data target.
        Assert.DoesNotContain(findings, f => f.Urn.EndsWith("::app", StringComparison.Ordinal));
    }

    [Fact]
    public void Igw_present_but_subnet_private_is_closed()
    {
        var g = OpenDoor();
        g.Set("data", "prohibitPublicIpOnVnic", B(true));
        Assert.All(Check.Run(Rule, g.Build()), f => Assert.Equal(Verdict.Pass, f.Verdict));
    }

    [Fact]
    public void Absent_prohibitPublicIpOnVnic_means_public_as_in_oci()
    {
        var g = OpenDoor();
        g.Replace("data", n => n with { Inputs = new Graph.MapValue(n.Inputs.Fields.Remove("prohibitPublicIpOnVnic")) });
        Assert.Equal(Verdict.Fail, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Prohibit_internet_ingress_also_makes_the_subnet_private()
    {
        var g = OpenDoor();
        g.Set("data", "prohibitInternetIngress", B(true));
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Missing_return_route_to_the_igw_is_closed()
    {
        var g = TestEnclave(publicSubnet: true).WithInternetGateway(route: false).WithSlIngress(SlIngress("6", "0.0.0.0/0", 1522));
        g.Add(OciTypes.ServiceGateway, "sgw", ("vcnId", Ref("vcn")));
        g.Set("rt-data", "routeRules", L(M(("destination", S("all-iad-services-in-oracle-services-network")),
            ("destinationType", S("SERVICE_CIDR_BLOCK")), ("networkEntityId", Ref("sgw")))));
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Default_route_to_a_nat_gateway_gives_no_inbound_path_even_with_an_igw_in_the_vcn()
    {
        var g = OpenDoor();
        g.Add(OciTypes.NatGateway, "nat", ("vcnId", Ref("vcn")));
        g.Set("rt-data", "routeRules", L(Route("0.0.0.0/0", "nat")));
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void A_route_to_the_igw_for_part_of_the_internet_opens_that_part_only()
    {
        var g = OpenDoor();
        g.Set("rt-data", "routeRules", L(Route("192.0.2.0/24", "igw")));
        var adb = Check.Run(Rule, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, adb.Verdict);
        Assert.StartsWith("open: internet 192.0.2.0/24 → ", Assert.Single(adb.Evidence));
    }

    [Fact]
    public void A_route_table_attachment_overrides_the_subnet_route_table()
    {
        var g = OpenDoor();
        g.Add(OciTypes.RouteTable, "rt-private", ("vcnId", Ref("vcn")), ("routeRules", L()));
        g.Add(OciTypes.RouteTableAttachment, "data-rt", ("subnetId", Ref("data")), ("routeTableId", Ref("rt-private")));
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Ipv6_rule_from_anywhere_is_an_internet_path_too()
    {
        var g = Enclave6();
        var adb = Check.Run(Rule, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, adb.Verdict);
        Assert.StartsWith("open: internet ::/0 → InternetGateway igw (enabled) → route table rt-data ::/0→igw", Assert.Single(adb.Evidence));

        static NetGraph Enclave6()
        {
            var g = BehindInternetGateway().WithSlIngress(SlIngress("6", "::/0", 1522));
            g.Set("rt-data", "routeRules", L(Route("::/0", "igw")));
            return g;
        }
    }

    [Fact]
    public void Disabled_internet_gateway_is_closed()
    {
        var g = OpenDoor();
        g.Set("igw", "enabled", B(false));
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Igw_in_another_vcn_is_no_door()
    {
        var g = OpenDoor();
        g.Add(OciTypes.Vcn, "other", ("cidrBlocks", L(S("10.9.0.0/16"))));
        g.Set("igw", "vcnId", Ref("other"));
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Nsg_rule_opening_1522_via_destinationPortRange_exposes_the_database_but_not_the_subnet()
    {
        var g = BehindInternetGateway();
        g.NsgRule("db-from-world", "nsg-db", "INGRESS", "6", "0.0.0.0/0", min: 1522);
        var findings = Check.Run(Rule, g.Build());

        var adb = findings.On("enclave-adb");
        Assert.Equal(Verdict.Fail, adb.Verdict);
        Assert.EndsWith("→ NSG nsg-db rule db-from-world ingress tcp 1522 from 0.0.0.0/0 → AutonomousDatabase enclave-adb :1522",
            Assert.Single(adb.Evidence));
        // Other VNICs of the subnet are not in nsg-db: the subnet's own lists admit nothing.
        Assert.Equal(Verdict.Pass, findings.On("data").Verdict);
    }

    [Fact]
    public void Egress_nsg_rules_admit_nothing()
    {
        var g = BehindInternetGateway();
        g.NsgRule("db-out", "nsg-db", "EGRESS", "6", "0.0.0.0/0", min: 1522);
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Nsg_sourced_rule_from_the_app_nsg_only_is_closed_from_the_internet()
    {
        var g = BehindInternetGateway();
        g.NsgRule("db-from-app", "nsg-db", "INGRESS", "6", Id("nsg-app"), sourceType: "NETWORK_SECURITY_GROUP", min: 1522);
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Protocol_all_from_anywhere_opens_every_port()
    {
        var g = BehindInternetGateway().WithSlIngress(SlIngress("all", "0.0.0.0/0"));
        var adb = Check.Run(Rule, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, adb.Verdict);
        Assert.Contains("security list sl-data ingress all protocols from 0.0.0.0/0 → AutonomousDatabase enclave-adb :1522",
            Assert.Single(adb.Evidence));
    }

    [Fact]
    public void A_port_other_than_the_listener_is_still_an_open_path_and_says_which()
    {
        var g = BehindInternetGateway().WithSlIngress(SlIngress("6", "0.0.0.0/0", 22));
        var adb = Check.Run(Rule, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, adb.Verdict);
        Assert.EndsWith("AutonomousDatabase enclave-adb tcp 22", Assert.Single(adb.Evidence));
    }

    [Fact]
    public void Service_sourced_rules_admit_only_oracle_services_and_are_closed_from_the_internet()
    {
        var g = BehindInternetGateway().WithSlIngress(
            SlIngress("6", "all-iad-services-in-oracle-services-network", 1522, sourceType: "SERVICE_CIDR_BLOCK"));
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Unmanaged_default_security_list_keeps_oracle_ssh_from_anywhere()
    {
        var g = BehindInternetGateway();
        g.Set("data", "securityListIds", L());
        g.Set("vcn", "defaultSecurityListId", Ref("vcn-default-sl"));
        var data = Check.Run(Rule, g.Build()).On("data");
        Assert.Equal(Verdict.Fail, data.Verdict);
        Assert.Contains(data.Evidence, e => e.Contains("Oracle defaults, not managed") && e.EndsWith("any VNIC in subnet data tcp 22"));
    }

    [Fact]
    public void Managed_empty_default_security_list_closes_the_default()
    {
        var g = BehindInternetGateway();
        g.Set("data", "securityListIds", L());
        g.Add(OciTypes.DefaultSecurityList, "default-sl", ("manageDefaultResourceId", Ref("vcn-default-sl")),
            ("ingressSecurityRules", L()));
        g.Replace("vcn", n => n with { Outputs = M(("defaultSecurityListId", Ref("vcn-default-sl"))) });
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("data").Verdict);
    }

    [Fact]
    public void Adb_without_private_endpoint_and_without_acl_is_open_to_the_internet()
    {
        var g = TestEnclave();
        g.Add(OciTypes.AutonomousDatabase, "public-adb", ("dbName", S("PUB")));
        var finding = Check.Run(Rule, g.Build()).On("public-adb");
        Assert.Equal(Verdict.Fail, finding.Verdict);
        Assert.Contains("open: internet 0.0.0.0/0 → AutonomousDatabase public-adb public endpoint (no private endpoint subnetId) → " +
            "no ACL (whitelistedIps empty): any source → AutonomousDatabase public-adb :1522", finding.Evidence);
    }

    [Fact]
    public void Adb_public_endpoint_limited_to_a_vcn_acl_is_closed_from_the_internet()
    {
        var g = TestEnclave();
        g.Add(OciTypes.AutonomousDatabase, "public-adb", ("dbName", S("PUB")), ("whitelistedIps", L(S("ocid1.vcn.oc1..aaa"))));
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("public-adb").Verdict);
    }

    [Fact]
    public void Dedicated_adb_network_is_not_in_the_graph_so_it_is_undetermined()
    {
        var g = TestEnclave();
        g.Add(OciTypes.AutonomousDatabase, "dedicated-adb", ("dbName", S("DED")),
            ("autonomousContainerDatabaseId", S("ocid1.autonomouscontainerdatabase.oc1..x")));
        Assert.Equal(Verdict.Undetermined, Check.Run(Rule, g.Build()).On("dedicated-adb").Verdict);
    }

    [Fact]
    public void Private_enclave_without_doors_passes_for_every_target()
    {
        var g = TestEnclave().WithSlIngress(SlIngress("6", "0.0.0.0/0", 1522));
        var findings = Check.Run(Rule, g.Build());
        Assert.Equal(2, findings.Count); // the database and its subnet
        Assert.All(findings, f => Assert.Equal(Verdict.Pass, f.Verdict));
    }
}
