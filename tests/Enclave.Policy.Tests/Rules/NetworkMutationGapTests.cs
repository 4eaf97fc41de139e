using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The network classes issue 16's mutation run of Rules/Network found untested: the legitimate exits and sources each
/// rule must keep passing (a DRG route to on-premises, a persona's range, a stack NSG, Oracle's service ranges) next to
/// the near misses it must keep failing, so that turning an allow-list check into "anything" or "nothing" is caught.
/// </summary>
public class NetworkMutationGapTests
{
    private static FindingStatus? Status(GraphBuilder g, string rule, string resource, GraphPath path = GraphPath.HandKnownIds) =>
        RuleRunner.Run(g, path, rule).Findings.Where(f => f.Urn == g.Urn(resource)).Select(f => (FindingStatus?)f.Status).SingleOrDefault();

    // ENC-NET-001: a subnet is private when public IPs are prohibited; prohibitInternetIngress may only add to that.

    [Theory]
    [InlineData(true, true, FindingStatus.Pass)]
    [InlineData(true, null, FindingStatus.Pass)]      // unset: OCI derives it from prohibitPublicIpOnVnic
    [InlineData(true, false, FindingStatus.Fail)]     // internet ingress allowed explicitly
    [InlineData(false, true, FindingStatus.Fail)]
    [InlineData(null, true, FindingStatus.Fail)]      // OCI's default is a public subnet
    public void A_subnet_is_private_only_with_public_ips_prohibited(bool? noPublicIp, bool? noInternetIngress, FindingStatus expected)
    {
        var g = Build().With("data", "prohibitPublicIpOnVnic", noPublicIp).With("data", "prohibitInternetIngress", noInternetIngress);
        Assert.Equal(expected, Status(g, "ENC-NET-001", "data"));
    }

    // ENC-NET-003: the service gateway, or a DRG for a destination inside the on-premises ranges (192.0.2.0/24 here).

    private static GraphBuilder WithDrgRoute(string? destination, string? cidrBlock = null)
    {
        var g = Build();
        g.Add(OciTypes.Drg, "drg", new { compartmentId = Ref("enclave") });
        var sgw = new { networkEntityId = Ref("sgw"), destination = (string?)"all-iad-services-in-oracle-services-network", cidrBlock = (string?)null, destinationType = "SERVICE_CIDR_BLOCK" };
        var drg = new { networkEntityId = Ref("drg"), destination, cidrBlock, destinationType = "CIDR_BLOCK" };
        return g.With("data-rt", "routeRules", new[] { sgw, drg });
    }

    [Theory]
    [InlineData("192.0.2.0/24", null, FindingStatus.Pass)]
    [InlineData("192.0.2.128/25", null, FindingStatus.Pass)]
    [InlineData(null, "192.0.2.0/24", FindingStatus.Pass)]     // the deprecated cidrBlock field is read too
    [InlineData("192.0.0.0/16", null, FindingStatus.Fail)]     // wider than the on-premises range
    [InlineData(null, "0.0.0.0/0", FindingStatus.Fail)]
    [InlineData("198.51.100.0/24", null, FindingStatus.Fail)]  // a gatekeeper range is not on-premises
    public void A_drg_route_is_allowed_only_to_the_on_premises_ranges(string? destination, string? cidrBlock, FindingStatus expected) =>
        Assert.Equal(expected, Status(WithDrgRoute(destination, cidrBlock), "ENC-NET-003", "data-rt"));

    [Fact]
    public void The_default_route_table_is_judged_like_any_other()
    {
        var g = Build();
        g.Add(OciTypes.InternetGateway, "igw", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), enabled = true });
        g.Add(OciTypes.DefaultRouteTable, "default-rt", new
        {
            manageDefaultResourceId = OutputOf("vcn", "defaultSecurityListId"), compartmentId = Ref("enclave"),
            routeRules = new[] { new { networkEntityId = Ref("igw"), destination = "0.0.0.0/0", destinationType = "CIDR_BLOCK" } },
        });
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-003", "default-rt"));
        Assert.Equal(FindingStatus.Pass, Status(g.With("default-rt", "routeRules", Array.Empty<object>()), "ENC-NET-003", "default-rt"));
    }

    [Fact]
    public void Route_rules_unknown_until_deploy_are_undetermined()
    {
        var g = Build().With("data-rt", "routeRules", Unknown);
        Assert.Equal(FindingStatus.Undetermined, Status(g, "ENC-NET-003", "data-rt"));
    }

    // ENC-NET-030: sources are the stack's VCNs, the personas' and on-premises ranges, its own NSGs or Oracle's services.

    [Theory]
    [InlineData("10.0.7.0/24", FindingStatus.Pass)]        // inside the VCN
    [InlineData("198.51.100.0/25", FindingStatus.Pass)]    // gatekeepers
    [InlineData("203.0.113.0/28", FindingStatus.Pass)]     // auditors
    [InlineData("192.0.2.0/24", FindingStatus.Pass)]       // on-premises
    [InlineData("10.1.0.0/24", FindingStatus.Fail)]        // private, but no VCN of the stack
    [InlineData("203.0.113.0/27", FindingStatus.Fail)]     // wider than the auditors' range
    [InlineData("not-a-cidr", FindingStatus.Fail)]
    public void An_nsg_rule_admits_only_declared_ranges(string source, FindingStatus expected) =>
        Assert.Equal(expected, Status(Build().With("db-nsg-in", "source", source), "ENC-NET-030", "db-nsg-in"));

    [Theory]
    [InlineData("NETWORK_SECURITY_GROUP", "ref:db-nsg", FindingStatus.Pass)]
    [InlineData("NETWORK_SECURITY_GROUP", "ocid1.networksecuritygroup.oc1.iad.elsewhere", FindingStatus.Fail)]
    [InlineData("SERVICE_CIDR_BLOCK", "all-iad-services-in-oracle-services-network", FindingStatus.Pass)]
    [InlineData("network_security_group", "ref:db-nsg", FindingStatus.Pass)]  // read whatever its case: still judged as an NSG
    [InlineData("BOGUS", "10.0.0.0/16", FindingStatus.Fail)]
    public void An_nsg_rule_source_type_is_read_before_its_source(string type, string source, FindingStatus expected)
    {
        var g = Build().With("db-nsg-in", "sourceType", type).With("db-nsg-in", "source", source);  // "ref:db-nsg": the stack's NSG by id
        Assert.Equal(expected, Status(g, "ENC-NET-030", "db-nsg-in"));
    }

    [Fact]
    public void A_security_list_cannot_name_an_nsg_as_source()
    {
        var g = Build().With("data-sl", "ingressSecurityRules",
            new[] { new { protocol = "6", source = Ref("db-nsg"), sourceType = "NETWORK_SECURITY_GROUP" } });
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-030", "data-sl"));
    }

    [Fact]
    public void A_list_without_ingress_passes_and_an_egress_nsg_rule_is_not_judged()
    {
        var g = Build().With("data-sl", "ingressSecurityRules", Array.Empty<object>());
        g.Add(OciTypes.NsgRule, "db-nsg-out", new
        {
            networkSecurityGroupId = Ref("db-nsg"), direction = "EGRESS", protocol = "6", destination = "8.8.8.0/24", destinationType = "CIDR_BLOCK",
        });
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-030", "data-sl"));
        Assert.Null(Status(g, "ENC-NET-030", "db-nsg-out"));
    }

    [Fact]
    public void An_undeclared_source_of_a_rule_whose_direction_is_unknown_is_undetermined()
    {
        var g = Build().With("db-nsg-in", "direction", Unknown).With("db-nsg-in", "source", "8.8.8.0/24");
        Assert.Equal(FindingStatus.Undetermined, Status(g, "ENC-NET-030", "db-nsg-in"));
    }

    [Fact]
    public void An_undeclared_source_is_undetermined_while_a_vcn_range_is_unknown()
    {
        var g = Build().With("vcn", "cidrBlocks", Unknown).With("db-nsg-in", "source", "10.0.7.0/24");
        Assert.Equal(FindingStatus.Undetermined, Status(g, "ENC-NET-030", "db-nsg-in"));
        // A persona's range needs no VCN to be declared.
        Assert.Equal(FindingStatus.Pass, Status(g.With("db-nsg-in", "source", "198.51.100.0/25"), "ENC-NET-030", "db-nsg-in"));
    }

    [Theory]
    [InlineData("cidrBlocks", "8.8.0.0/16", "8.8.8.0/24", FindingStatus.Fail)]     // a VCN cannot declare a public range
    [InlineData("cidrBlocks", "10.0.0.0/8", "10.200.0.0/24", FindingStatus.Fail)]  // nor a near-open private one
    [InlineData("cidrBlock", "172.20.0.0/16", "172.20.1.0/24", FindingStatus.Pass)]
    [InlineData("ipv6privateCidrBlocks", "fd00:1::/48", "fd00:1::/64", FindingStatus.Pass)]
    public void A_vcn_of_the_stack_declares_only_its_narrow_private_ranges(string key, string range, string source, FindingStatus expected)
    {
        var g = Build();
        g.Add(OciTypes.Vcn, "vcn-2", new Dictionary<string, object> { ["compartmentId"] = Ref("enclave"), [key] = key == "cidrBlock" ? range : new[] { range } });
        Assert.Equal(expected, Status(g.With("db-nsg-in", "source", source), "ENC-NET-030", "db-nsg-in"));
    }
}
