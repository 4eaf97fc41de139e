using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// ENC-NET-030: ingress is an allow-list of the networks the stack declares. ENC-NET-005 refuses the internet and
/// near-open supernets, but a narrow public range (8.8.8.0/24, a vendor's /24, a parent-company range not on the
/// exclusion list) or another team's NSG passes it: nothing routes from there today, yet the rule is the open door the
/// next route, DRG attachment or VNIC walks through. A source is declared when it lies within the stack's VCNs, the
/// gatekeepers', auditors' or on-premises ranges, or is one of the stack's own NSGs.
/// </summary>
public sealed class IngressFromDeclaredNetworks : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-030", "Ingress only from the networks the stack declares", Severity.High, Enforcement.Mandatory,
        "A security rule that admits a range the stack does not declare (a public /24, a partner's or parent's network, another team's NSG) is an open door that no reachability rule flags until a route appears; the firewall's sources must be the enclave's own networks and the gatekeepers'.",
        "Admit only the stack's VCN ranges, gatekeeperCidrs, auditorCidrs or network.onPremCidrs (CIDR_BLOCK), or an NSG of the stack (NETWORK_SECURITY_GROUP); declare a new range in the stack config first.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var (ranges, coverComplete) = Declared(g, context.Policy, context.Policy.NetworkLimits);
        var cover = new CidrCover(ranges);  // merged once: every ingress rule asks it
        var nsgs = NodeSets.Of(g, OciTypes.NetworkSecurityGroup);  // a lookup per NSG source, not a scan
        var reused = new Assessment();  // one for every resource: each finding copies its message's parts
        foreach (var (node, directionUnknown, ingress) in SecurityRules.IngressByOwner(g))
        {
            var a = reused.Clear();
            foreach (var rule in ingress)
            {
                var (declared, what) = Judge(g, rule, cover, coverComplete, nsgs);
                if (directionUnknown && declared == Truth.False) declared = Truth.Unknown;
                // A false requirement is named by its violation alone, any other by its requirement: only one is made.
                // Stryker disable once String,Equality : finding wording, not a control (docs/testing.md)
                if (declared == Truth.False)
                {
                    var violation = $"{rule.Where} admits {rule.Peer}, {what}";
                    a.Require(declared, violation, whenViolated: violation);
                }
                // In parts: no string per rule (most pass, and every finding's message is kept until the report).
                else a.RequireInParts(declared, rule.Where.Text, " source ", rule.Peer.ToString(), " is a declared network");
            }
            if (a.IsEmpty)
            {
                if (node.Type == OciTypes.NsgRule) continue;  // an egress NSG rule
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                a.Require(Truth.True, "no ingress rules");
            }
            sink.Judge(node.Urn, node.Label, a);
        }
    }

    private static (Truth, string) Judge(ResourceGraph g, SecurityRule rule, CidrCover cover, bool coverComplete, NodeSet nsgs)
    {
        var peer = rule.Peer;
        var type = rule.PeerType;
        // Stryker disable once String : finding wording, not a control (docs/testing.md)
        if (!type.IsKnown) return (Truth.Unknown, "which the gate cannot read");
        var kind = type.AsString()?.ToUpperInvariant();
        // An NSG peer not known yet (a new NSG's id) is judged by the NSG its input was built from; a known one must be
        // a stack NSG's id, whatever lineage the artifact records (References.IdentifiesAny). Any other unread peer may be anything.
        // Stryker disable once String : finding wording, not a control (docs/testing.md)
        if (!peer.IsKnown && kind != "NETWORK_SECURITY_GROUP") return (Truth.Unknown, "which the gate cannot read");
        switch (kind)
        {
            case null or "CIDR_BLOCK":
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                if (!Cidr.TryParse(peer.AsString(), out var block)) return (Truth.False, "which is not a CIDR block");
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                if (cover.Covers(block)) return (Truth.True, "");
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                return (coverComplete ? Truth.False : Truth.Unknown,
                    "outside the stack's VCNs, gatekeeper, auditor and on-premises ranges");
            case "NETWORK_SECURITY_GROUP":
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                if (rule.Item is not null) return (Truth.False, "an NSG source in a security list, which OCI does not allow");
                var stackNsg = References.IdentifiesAny(g, rule.Owner, "source", peer, nsgs);
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                return (stackNsg, "which is not an NSG of the stack");
            case "SERVICE_CIDR_BLOCK":
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                return (Truth.True, "");  // Oracle's service ranges: ENC-NET-005 and ENC-NET-011 judge which
            default:
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                return (Truth.False, $"of source type {type}, which OCI does not know");
        }
    }

    /// <summary>Private address space (RFC 1918, IPv6 unique local): the only ranges a VCN may lend to the allow-list.</summary>
    private static readonly Cidr[] Private = [Cidr.Parse("10.0.0.0/8"), Cidr.Parse("172.16.0.0/12"), Cidr.Parse("192.168.0.0/16"), Cidr.Parse("fc00::/7")];

    /// <summary>
    /// The declared ranges, and whether every VCN's ranges could be read. A VCN's range counts only when it is private
    /// and not near-open: a change must not declare a public range (or 10.0.0.0/8) by adding a VCN that spans it.
    /// </summary>
    private static (List<Cidr>, bool) Declared(ResourceGraph g, PolicyContext policy, Networks.PrefixLimits limits)
    {
        var cover = new List<Cidr>();
        var complete = true;
        void Add(PropertyValue v)
        {
            if (v.IsNull) return;
            if (!v.IsKnown) { complete = false; return; }
            if (v.AsString() is { } s)
            {
                if (Cidr.TryParse(s, out var c) && c.NearOpenReason(limits) is null && Private.Any(p => p.Contains(c))) cover.Add(c);
                return;
            }
            foreach (var item in v.AsList()) Add(item);
        }
        foreach (var vcn in g.OfType(OciTypes.Vcn))
            foreach (var key in (string[])["cidrBlock", "cidrBlocks", "ipv6privateCidrBlocks"])
                Add(vcn.Input(key));
        foreach (var s in policy.GatekeeperCidrs.Concat(policy.AuditorCidrs).Concat(policy.OnPremCidrs))
            if (Cidr.TryParse(s, out var c)) cover.Add(c);
        return (cover, complete);
    }
}
