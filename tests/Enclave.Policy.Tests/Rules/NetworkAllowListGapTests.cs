using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;
using static Enclave.Policy.Tests.Support.RuleRunner;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16, Rules/Network beyond the three files of <see cref="NetworkMutationGapTests"/>: each allow-list rule keeps
/// passing what it allows (so an "allow nothing" mutant fails a test) and keeps failing the near miss next to it (so an
/// "allow anything" one does): the egress destinations (ENC-NET-070), the default security list (ENC-NET-006), the
/// Bastion's clients and sessions (ENC-NET-009) and the configured trusted ranges (ENC-NET-010). The stack declares the
/// VCN 10.0.0.0/16, on-premises 192.0.2.0/24 and gatekeepers 198.51.100.0/24.
/// </summary>
public class NetworkAllowListGapTests
{
    // ENC-NET-070: the VCN and on-premises ranges, an Oracle Services Network label, or an NSG of the stack.

    private static GraphBuilder Egress(object? type, object destination, object? direction = null)
    {
        var g = Build();
        g.Add(OciTypes.NsgRule, "db-nsg-out", new
        {
            networkSecurityGroupId = Ref("db-nsg"), direction = direction ?? "EGRESS", protocol = "6", destination, destinationType = type,
        });
        return g;
    }

    [Theory]
    [InlineData("CIDR_BLOCK", "10.0.5.0/24", FindingStatus.Pass)]
    [InlineData("CIDR_BLOCK", "192.0.2.128/25", FindingStatus.Pass)]       // on-premises
    [InlineData(null, "10.0.5.0/24", FindingStatus.Pass)]                  // no type: a CIDR block
    [InlineData("cidr_block", "10.0.5.0/24", FindingStatus.Pass)]          // the type read whatever its case
    [InlineData("CIDR_BLOCK", "10.0.0.0/15", FindingStatus.Fail)]          // wider than the VCN
    [InlineData("CIDR_BLOCK", "198.51.100.0/24", FindingStatus.Fail)]      // gatekeepers' range: an ingress source, no egress target
    [InlineData("CIDR_BLOCK", "ten.0.0.0/8", FindingStatus.Fail)]
    [InlineData("SERVICE_CIDR_BLOCK", "all-iad-services-in-oracle-services-network", FindingStatus.Pass)]
    [InlineData("SERVICE_CIDR_BLOCK", "OCI-IAD-OBJECTSTORAGE", FindingStatus.Pass)]
    [InlineData("SERVICE_CIDR_BLOCK", "all-iad-services", FindingStatus.Fail)]
    [InlineData("SERVICE_CIDR_BLOCK", "iad-services-in-oracle-services-network", FindingStatus.Fail)]
    [InlineData("SERVICE_CIDR_BLOCK", "oci-iad-objectstorage-mirror", FindingStatus.Fail)]
    [InlineData("SERVICE_CIDR_BLOCK", "evil-objectstorage", FindingStatus.Fail)]
    [InlineData("NETWORK_SECURITY_GROUP", "ref:db-nsg", FindingStatus.Pass)]
    [InlineData("NETWORK_SECURITY_GROUP", "ocid1.networksecuritygroup.oc1.iad.otherteam", FindingStatus.Fail)]
    [InlineData("INTERNET", "0.0.0.0/0", FindingStatus.Fail)]             // a type OCI does not know
    public void An_nsg_rule_sends_only_to_declared_networks(string? type, string destination, FindingStatus expected) =>
        Assert.Equal(expected, Status(Egress(type, destination), "ENC-NET-070", "db-nsg-out"));  // "ref:db-nsg": the stack NSG's id

    [Fact]
    public void A_security_list_cannot_send_to_an_nsg()
    {
        var g = Build().With("data-sl", "egressSecurityRules",
            new[] { new { protocol = "6", destination = Ref("db-nsg"), destinationType = "NETWORK_SECURITY_GROUP" } });
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-070", "data-sl"));
    }

    [Fact]
    public void A_rule_of_unknown_direction_may_be_egress()
    {
        Assert.Equal(FindingStatus.Undetermined, Status(Egress("CIDR_BLOCK", "8.8.8.0/24", Unknown), "ENC-NET-070", "db-nsg-out"));
        Assert.Equal(FindingStatus.Pass, Status(Egress("CIDR_BLOCK", "10.0.5.0/24", Unknown), "ENC-NET-070", "db-nsg-out"));
    }

    [Fact]
    public void Ingress_rules_are_not_judged_for_egress_and_a_list_without_egress_passes()
    {
        var g = Build().With("data-sl", "egressSecurityRules", Array.Empty<object>());
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-070", "data-sl"));
        Assert.Null(Status(g, "ENC-NET-070", "db-nsg-in"));
    }

    [Fact]
    public void An_unknown_destination_type_is_undetermined()
    {
        Assert.Equal(FindingStatus.Undetermined, Status(Egress(Unknown, "8.8.8.0/24"), "ENC-NET-070", "db-nsg-out"));
    }

    // ENC-NET-006: the default list admits only ICMP from inside the VCN and sends nothing but ICMP to the internet.

    [Theory]
    [InlineData("1", "10.0.3.0/24", FindingStatus.Pass)]
    [InlineData("1", "8.8.8.0/24", FindingStatus.Fail)]    // ICMP, but from outside the VCN
    [InlineData("6", "10.0.3.0/24", FindingStatus.Fail)]   // TCP from inside
    public void The_default_list_admits_only_icmp_from_within_the_vcn(string protocol, string source, FindingStatus expected)
    {
        var g = Build().With("default-sl", "ingressSecurityRules", new[] { new { protocol, source } });
        Assert.Equal(expected, Status(g, "ENC-NET-006", "vcn"));
    }

    [Theory]
    [InlineData("1", "0.0.0.0/0", FindingStatus.Pass)]
    [InlineData("6", "10.0.0.0/16", FindingStatus.Pass)]
    [InlineData("6", "0.0.0.0/0", FindingStatus.Fail)]
    [InlineData("all", "::/0", FindingStatus.Fail)]
    public void The_default_list_sends_only_icmp_to_the_internet(string protocol, string destination, FindingStatus expected)
    {
        var g = Build().With("default-sl", "egressSecurityRules", new[] { new { protocol, destination } });
        Assert.Equal(expected, Status(g, "ENC-NET-006", "vcn"));
    }

    [Fact]
    public void A_vcn_whose_default_list_nobody_manages_fails_and_an_untied_manager_is_undetermined()
    {
        var unmanaged = Build();
        unmanaged.Remove("default-sl");
        Assert.Equal(FindingStatus.Fail, Status(unmanaged, "ENC-NET-006", "vcn"));

        var untied = Build().With("default-sl", "manageDefaultResourceId", Unknown);  // computed from nothing the gate sees
        Assert.Equal(FindingStatus.Undetermined, Status(untied, "ENC-NET-006", "vcn"));
    }

    [Fact]
    public void A_vcn_declared_with_a_single_cidr_block_is_its_own_inside()
    {
        var g = Build().With("vcn", "cidrBlocks", null).With("vcn", "cidrBlock", "10.0.0.0/16")
            .With("default-sl", "ingressSecurityRules", new[] { new { protocol = "1", source = "10.0.3.0/24" } });
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-006", "vcn"));
    }

    // ENC-NET-009: the Bastion admits only gatekeeper CIDRs and keeps sessions at 3 hours or less.

    [Theory]
    [InlineData(new[] { "198.51.100.0/25" }, FindingStatus.Pass)]
    [InlineData(new string[0], FindingStatus.Fail)]                           // an empty allow-list is no allow-list
    [InlineData(new[] { "198.51.100.0/25", "192.0.3.0/24" }, FindingStatus.Fail)]
    public void The_bastion_admits_only_gatekeeper_cidrs(string[] clients, FindingStatus expected) =>
        Assert.Equal(expected, Status(Build().With("bastion", "clientCidrBlockAllowLists", clients), "ENC-NET-009", "bastion"));

    [Theory]
    [InlineData(null, FindingStatus.Pass)]       // OCI's default: 3 hours
    [InlineData(10800, FindingStatus.Pass)]
    [InlineData(10801, FindingStatus.Fail)]
    public void Bastion_sessions_last_at_most_three_hours(int? ttl, FindingStatus expected) =>
        Assert.Equal(expected, Status(Build().With("bastion", "maxSessionTtlInSeconds", ttl), "ENC-NET-009", "bastion"));

    // ENC-NET-010: every trusted range of the config is narrow and a CIDR block.

    [Theory]
    [InlineData("198.51.100.0/24", FindingStatus.Pass)]
    [InlineData("198.51.100.0", FindingStatus.Pass)]          // one address
    [InlineData("gatekeepers.example", FindingStatus.Fail)]   // no CIDR block: no network the gate can vouch for
    [InlineData("0.0.0.0/1", FindingStatus.Fail)]
    public void Configured_gatekeeper_ranges_are_narrow_cidr_blocks(string cidr, FindingStatus expected) =>
        Assert.Equal(expected, Status(Build(), "ENC-NET-010", null, CompliantEnclave.Policy with { GatekeeperCidrs = [cidr] }));

    [Fact]
    public void A_stack_that_trusts_no_range_passes()
    {
        var none = CompliantEnclave.Policy with { GatekeeperCidrs = [], AuditorCidrs = [], OnPremCidrs = [] };
        Assert.Equal(FindingStatus.Pass, Status(Build(), "ENC-NET-010", null, none));
        Assert.Equal(FindingStatus.Fail, Status(Build(), "ENC-NET-010", null, none with { AuditorCidrs = ["::/1"] }));
    }
}
