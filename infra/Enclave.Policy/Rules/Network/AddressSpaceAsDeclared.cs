using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// ENC-NET-071: a VCN holds only the address space the stack config declares (<c>network.vcnCidr</c>), IPv4 only, and
/// its subnets resolve names through Oracle's VCN resolver. An extra CIDR block quietly declares a new network to every
/// rule that trusts "the VCN's ranges"; IPv6 (<c>isIpv6enabled</c>, ULA or BYOIP prefixes, a subnet's IPv6 block) opens a
/// second address family with globally routable addresses; and a subnet's <c>dhcpOptionsId</c> hands every host a
/// resolver of someone's choosing (DNS is a channel out: queries to a resolver the parent runs carry data). DHCP options
/// and DNS resolvers are types outside the provider listing the gate reads, so the stack can declare none: a subnet
/// names none and keeps its VCN's default options, which use the VCN resolver.
/// </summary>
public sealed class AddressSpaceAsDeclared : PinnedSettingsRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-071", "VCNs keep the declared IPv4 address space and Oracle's resolver", Severity.Critical, Enforcement.Mandatory,
        "An extra VCN CIDR block, an IPv6 prefix (ULA, Oracle GUA or BYOIP) or a subnet with its own DHCP options widens the enclave's address space or hands its hosts a resolver someone else controls: new ranges every allow-list trusts as 'the VCN', a second address family, and DNS queries as a channel out.",
        "Keep each VCN's cidrBlocks to `network.vcnCidr` (change the stack config to change it), leave isIpv6enabled, ipv6privateCidrBlocks, byoipv6cidrDetails, isOracleGuaAllocationEnabled and subnets' IPv6 blocks unset, and leave subnets' dhcpOptionsId unset (the VCN's default options and resolver).");

    protected override IReadOnlyList<(string Type, Pin[] Pins)> Table { get; } =
    [
        (OciTypes.Vcn, [Pin.UnsetOrFalse("isIpv6enabled"), Pin.UnsetOrEmpty("ipv6privateCidrBlocks"), Pin.UnsetOrEmpty("byoipv6cidrDetails"),
            Pin.UnsetOrFalse("isOracleGuaAllocationEnabled")]),
        (OciTypes.Subnet, [Pin.Unset("dhcpOptionsId").NotDeployed("OCI names the VCN's default options: judged against them (Extra)"),
            Pin.Unset("ipv6cidrBlock"), Pin.UnsetOrEmpty("ipv6cidrBlocks")]),
    ];

    protected override void Extra(RuleContext context, ResourceNode node, Assessment a)
    {
        if (node.Type == OciTypes.Subnet) DeployedDhcpOptions(context.Graph, node, a);
        var declared = context.Policy.VcnCidrs;
        string[] keys = node.Type == OciTypes.Vcn ? ["cidrBlock", "cidrBlocks"] : ["cidrBlock", "ipv4cidrBlocks"];
        foreach (var key in keys)
        {
            var value = Set(node, key);
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            if (!value.IsKnown) { a.Require(Truth.Unknown, $"{key} lies within network.vcnCidr"); continue; }
            foreach (var block in value is ListValue list ? list.Items : value.IsNull ? [] : [value])
            {
                // Only the wording a finding can show is made: a false requirement is named by its violation alone.
                var within = Cidr.WithinAny(block, declared);
                // Stryker disable once String,Equality : finding wording, not a control: which text a requirement shows (docs/testing.md)
                if (within == Truth.False)
                {
                    var violation = $"{key} {block} lies outside network.vcnCidr ({string.Join(", ", declared)})";
                    a.Require(within, violation, whenViolated: violation);
                }
                else a.Require(within, $"{key} {block} lies within network.vcnCidr");
            }
        }
    }

    /// <summary>
    /// A subnet the program gives no DHCP options uses its VCN's default ones, which OCI names in the deployed state: a
    /// subnet switched to other options in the console (a resolver the parent runs) shows only there, as options other
    /// than the VCN's <c>defaultDhcpOptionsId</c>.
    /// </summary>
    private static void DeployedDhcpOptions(ResourceGraph g, ResourceNode subnet, Assessment a)
    {
        if (!Set(subnet, "dhcpOptionsId").IsNull || Deployed(subnet, "dhcpOptionsId") is not { } deployed) return;
        var vcn = References.Resolve(g, subnet, "vcnId", Set(subnet, "vcnId"), NodeSets.Of(g, OciTypes.Vcn)).FirstOrDefault();
        var own = vcn is not null && vcn.Outputs.TryGetValue("defaultDhcpOptionsId", out var d) ? d : PropertyValue.Null;
        var outcome = !deployed.IsKnown || !own.IsKnown || own.IsNull ? Truth.Unknown
            : TruthLogic.Of(string.Equals(deployed.AsString(), own.AsString(), StringComparison.Ordinal));
        // Stryker disable once String : finding wording, not a control (docs/testing.md)
        a.Require(outcome, "deployed dhcpOptionsId is its VCN's default options (defaultDhcpOptionsId)",
            whenViolated: $"deployed dhcpOptionsId {deployed} is not its VCN's default options ({own}): changed outside the stack, its hosts resolve names through options the gate never judged");
    }
}
