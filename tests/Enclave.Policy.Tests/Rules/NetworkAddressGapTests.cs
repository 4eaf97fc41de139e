using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16, Rules/Network: addresses, each allowed shape next to its near miss. ENC-NET-071 keeps the VCN and its
/// subnets inside <c>network.vcnCidr</c> (10.0.0.0/16 here) and IPv4 only; ENC-NET-005 admits no near-open source
/// (wider than /16), while NSG ids and service labels are no address at all.
/// </summary>
public class NetworkAddressGapTests
{
    private static FindingStatus? Status(GraphBuilder g, string rule, string resource) => RuleRunner.Status(g, rule, resource);

    // ENC-NET-071

    [Theory]
    [InlineData("vcn", "cidrBlock", "10.0.0.0/17", FindingStatus.Pass)]          // the deprecated single block is read too
    [InlineData("vcn", "cidrBlock", "10.1.0.0/16", FindingStatus.Fail)]
    [InlineData("data", "cidrBlock", "10.0.9.0/24", FindingStatus.Pass)]
    [InlineData("data", "cidrBlock", "172.16.9.0/24", FindingStatus.Fail)]
    public void Single_blocks_lie_within_the_declared_vcn_range(string resource, string key, string block, FindingStatus expected) =>
        Assert.Equal(expected, Status(Build().With(resource, key, block), "ENC-NET-071", resource));

    [Theory]
    [InlineData(new[] { "10.0.2.0/24" }, FindingStatus.Pass)]
    [InlineData(new[] { "10.0.2.0/24", "172.16.0.0/24" }, FindingStatus.Fail)]
    public void A_subnets_ipv4_blocks_lie_within_the_declared_vcn_range(string[] blocks, FindingStatus expected) =>
        Assert.Equal(expected, Status(Build().With("data", "ipv4cidrBlocks", blocks), "ENC-NET-071", "data"));

    [Fact]
    public void Address_space_unknown_until_deploy_is_undetermined()
    {
        Assert.Equal(FindingStatus.Undetermined, Status(Build().With("vcn", "cidrBlocks", Unknown), "ENC-NET-071", "vcn"));
        Assert.Equal(FindingStatus.Undetermined, Status(Build().With("data", "cidrBlock", Unknown), "ENC-NET-071", "data"));
    }

    public static TheoryData<string, string, object> Ipv6Settings() => new()
    {
        { "vcn", "ipv6privateCidrBlocks", new[] { "fd00:1::/48" } },
        { "vcn", "byoipv6cidrDetails", new[] { new { byoipv6rangeId = "ocid1.byoipv6range.oc1.iad.x", ipv6cidrBlock = "2001:db8::/48" } } },
        { "vcn", "isOracleGuaAllocationEnabled", true },
        { "data", "ipv6cidrBlock", "2001:db8:0:1::/64" },
        { "data", "ipv6cidrBlocks", new[] { "fd00:1:0:1::/64" } },
    };

    [Theory]
    [MemberData(nameof(Ipv6Settings))]
    public void No_ipv6_address_space_is_opened(string resource, string key, object value) =>
        Assert.Equal(FindingStatus.Fail, Status(Build().With(resource, key, value), "ENC-NET-071", resource));

    [Theory]
    [InlineData("isIpv6enabled", false)]
    [InlineData("isOracleGuaAllocationEnabled", false)]
    public void Ipv6_switches_set_off_pass(string key, bool value) =>
        Assert.Equal(FindingStatus.Pass, Status(Build().With("vcn", key, value), "ENC-NET-071", "vcn"));

    [Fact]
    public void Empty_ipv6_lists_pass()
    {
        var g = Build().With("vcn", "ipv6privateCidrBlocks", Array.Empty<string>()).With("data", "ipv6cidrBlocks", Array.Empty<string>());
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-071", "vcn"));
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-071", "data"));
    }

    // ENC-NET-005

    [Theory]
    [InlineData("CIDR_BLOCK", "10.0.0.0/16", FindingStatus.Pass)]     // exactly the minimum prefix
    [InlineData("CIDR_BLOCK", "10.0.0.0/15", FindingStatus.Fail)]
    [InlineData("CIDR_BLOCK", "fd00:1::/48", FindingStatus.Pass)]
    [InlineData("CIDR_BLOCK", "fd00::/47", FindingStatus.Fail)]
    [InlineData("CIDR_BLOCK", "anywhere", FindingStatus.Fail)]         // a CIDR source the gate cannot read
    [InlineData("NETWORK_SECURITY_GROUP", "ref:db-nsg", FindingStatus.Pass)]
    [InlineData("SERVICE_CIDR_BLOCK", "all-iad-services-in-oracle-services-network", FindingStatus.Pass)]
    public void An_nsg_rule_admits_no_near_open_source(string type, string source, FindingStatus expected)
    {
        var g = Build().With("db-nsg-in", "sourceType", type).With("db-nsg-in", "source", source);
        Assert.Equal(expected, Status(g, "ENC-NET-005", "db-nsg-in"));
    }

    [Fact]
    public void A_narrow_source_of_a_rule_whose_direction_is_unknown_passes()
    {
        var g = Build().With("db-nsg-in", "direction", Unknown);
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-005", "db-nsg-in"));
        Assert.Equal(FindingStatus.Undetermined, Status(g.With("db-nsg-in", "source", "0.0.0.0/0"), "ENC-NET-005", "db-nsg-in"));
    }

    [Fact]
    public void Egress_nsg_rules_are_not_judged_and_a_list_without_ingress_passes()
    {
        var g = Build().With("db-nsg-in", "direction", "EGRESS").With("db-nsg-in", "source", "0.0.0.0/0")
            .With("data-sl", "ingressSecurityRules", Array.Empty<object>());
        Assert.Null(Status(g, "ENC-NET-005", "db-nsg-in"));
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-005", "data-sl"));
    }
}
