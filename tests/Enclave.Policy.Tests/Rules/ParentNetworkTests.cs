using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;
using static Enclave.Policy.Tests.Support.RuleRunner;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16, ENC-NET-008 (Rules/Network/NoParentNetworks): no input anywhere names a parent-company network, in every
/// way an address can be written (IPv4-mapped IPv6, leading zeros that another reader takes as decimal, a list of
/// addresses in one string), while the ranges next to the parent's pass. The stack declares the parent range
/// 203.0.113.64/26 (its neighbours 203.0.113.0/28 are the US auditors). Before these tests the rule's cases lived only
/// in the rule-case registry, which a mutation run cannot afford per mutant; each row here names what it pins.
/// </summary>
public class ParentNetworkTests
{
    private const string Rule = "ENC-NET-008";

    private static FindingStatus? Source(string source, PolicyContext? policy = null) =>
        Status(CompliantEnclave.Build().With("db-nsg-in", "source", source), Rule, "db-nsg-in", policy);

    [Theory]
    [InlineData("203.0.113.70")]                                      // one host of the parent range
    [InlineData("203.0.113.64/26")]
    [InlineData("203.0.113.0/24")]                                    // a block that contains the parent range
    [InlineData("::ffff:203.0.113.70")]                               // IPv4-mapped IPv6: starts with ':'
    [InlineData("::ffff:203.0.113.0/120")]                            // a mapped block
    [InlineData("::ffff:0.0.0.0/96")]                                 // every IPv4 address, mapped (the /96 edge)
    [InlineData("203.0.113.070")]                                     // .NET reads octal (.56); read as decimal: .70
    [InlineData("203.0.070.0/18")]                                    // octal: 203.0.0.0/18; decimal: 203.0.64.0/18, holds 203.0.113.x
    public void A_parent_range_in_any_spelling_fails(string source) =>
        Assert.Equal(FindingStatus.Fail, Source(source));

    [Theory]
    [InlineData("10.0.1.0/24")]                                       // the VCN
    [InlineData("203.0.113.0/28")]                                    // the auditors, just below the parent range
    [InlineData("203.0.113.128/25")]                                  // just above it
    [InlineData("::ffff:203.0.113.0/122")]                            // mapped, but 203.0.113.0–63
    [InlineData("2001:db8::/32")]
    [InlineData("0.0.0.0/0")]                                         // the whole internet: ENC-NET-005's, not a parent network
    public void A_range_beside_the_parent_passes(string source) =>
        Assert.Equal(FindingStatus.Pass, Source(source));

    [Fact]
    public void The_longest_address_text_is_still_read()
    {
        // 49 characters, the most an address with a prefix can take: a mapped IPv6 host in a parent range of 15-character
        // IPv4 addresses.
        const string longest = "0000:0000:0000:0000:0000:ffff:198.100.200.100/128";
        Assert.Equal(49, longest.Length);
        var policy = CompliantEnclave.Policy with { Parent = CompliantEnclave.Policy.Parent with { Cidrs = ["198.100.200.0/24"] } };
        Assert.Equal(FindingStatus.Fail, Source(longest, policy));
    }

    [Fact]
    public void An_unparsable_parent_entry_does_not_hide_the_others()
    {
        var policy = CompliantEnclave.Policy with { Parent = CompliantEnclave.Policy.Parent with { Cidrs = ["not-a-range", "203.0.113.64/26"] } };
        Assert.Equal(FindingStatus.Fail, Source("203.0.113.70", policy));
        Assert.Equal(FindingStatus.Pass, Source("10.0.1.0/24", policy));
    }

    [Fact]
    public void Every_address_of_a_combined_entry_is_read()
    {
        var g = CompliantEnclave.Build().With("adb", "whitelistedIps", new[] { "10.0.1.5;203.0.113.99" });
        Assert.Equal(FindingStatus.Fail, Status(g, Rule, "adb"));
    }

    /// <summary>An unknown value in a field that holds addresses may be a parent address: undetermined, never a pass.</summary>
    [Theory]
    [InlineData("source")]
    [InlineData("destination")]
    [InlineData("ipAddress")]
    [InlineData("cidrBlocks")]
    [InlineData("whitelistedIps")]
    [InlineData("staticRoutes")]
    [InlineData("publicSourceLists")]
    [InlineData("ipRanges")]
    public void An_unknown_network_field_is_undetermined(string field)
    {
        var g = CompliantEnclave.Build().With("adb", field, Unknown);
        foreach (var path in AllPaths)
            Assert.Equal(FindingStatus.Undetermined, StatusOn(g, path, "adb"));
    }

    [Fact]
    public void An_unknown_nested_network_field_is_undetermined()
    {
        var g = CompliantEnclave.Build().With("adb", "virtualSourceList", new[] { new { ipRanges = Unknown } });
        Assert.Equal(FindingStatus.Undetermined, StatusOn(g, GraphPath.HandKnownIds, "adb"));
    }

    [Fact]
    public void An_unknown_field_that_holds_no_address_leaves_the_verdict_alone()
    {
        var g = CompliantEnclave.Build().With("db-nsg-in", "description", Unknown);
        Assert.Equal(FindingStatus.Pass, StatusOn(g, GraphPath.HandKnownIds, "db-nsg-in"));
    }

    [Fact]
    public void An_nsg_peer_not_known_until_deploy_but_built_from_a_stack_nsg_is_no_unknown_address()
    {
        // The destination is the stack NSG's id: unknown in a preview, filled in from that NSG, never an address.
        var g = CompliantEnclave.Build().With("db-nsg-in", "destination", Ref("db-nsg")).With("db-nsg-in", "destinationType", "NETWORK_SECURITY_GROUP");
        Assert.Equal(FindingStatus.Pass, StatusOn(g, GraphPath.HandUnknownIds, "db-nsg-in"));
    }

    private static FindingStatus? StatusOn(GraphBuilder g, GraphPath path, string resource) =>
        Run(g, path, Rule).Findings.Where(f => f.Urn == g.Urn(resource)).Select(f => (FindingStatus?)f.Status).SingleOrDefault();
}
