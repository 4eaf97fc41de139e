using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// ENC-NET-070: egress is an allow-list, the mirror of ENC-NET-030. A security rule that lets packets out to 0.0.0.0/0,
/// ::/0, a vendor's /24 or another team's NSG is the exfiltration half of every path: today no route may carry it, but
/// the next NAT gateway, DRG attachment or peering does, and no reachability rule looks at what leaves. A destination is
/// declared when it lies within the stack config's VCN range or on-premises ranges (never a range read from the graph,
/// which a change could widen), is an Oracle Services Network label (reached through the service gateway; ENC-NET-011
/// judges which one), or is an NSG of the stack. Protocol, ports and statelessness do not matter: each rule is judged by
/// where it lets traffic go. An NSG rule whose direction is not known yet may be egress and is judged as such.
/// </summary>
public sealed class EgressToDeclaredNetworks : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-070", "Egress only to the networks the stack declares", Severity.Critical, Enforcement.Mandatory,
        "An egress rule to 0.0.0.0/0, ::/0 or any range the stack does not declare is an exfiltration path waiting for a route: a NAT gateway, a DRG attachment or a peering later, and the data leaves without any ingress rule changing.",
        "Send traffic only to `network.vcnCidr`, `network.onPremCidrs` (CIDR_BLOCK), an Oracle Services Network label through the service gateway (SERVICE_CIDR_BLOCK) or an NSG of the stack (NETWORK_SECURITY_GROUP); declare a new on-premises range in the stack config first.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var p = context.Policy;
        var declared = new List<Cidr>();
        foreach (var s in p.VcnCidrs.Concat(p.OnPremCidrs))
            if (Cidr.TryParse(s, out var c)) declared.Add(c);
        var cover = new CidrCover(declared);
        var nsgs = NodeSets.Of(g, OciTypes.NetworkSecurityGroup);
        var rules = new List<SecurityRule>();
        var reused = new Assessment();  // one for every resource: each finding copies its message's parts
        foreach (var type in new[] { OciTypes.SecurityList, OciTypes.DefaultSecurityList, OciTypes.NsgRule })
            foreach (var node in g.OfType(type))
            {
                rules.Clear();
                SecurityRules.Read(node, rules);
                var directionUnknown = SecurityRules.DirectionUnknown(node);
                // An NSG rule of unknown direction was read as ingress; it may as well be egress.
                if (directionUnknown) rules.Add(new SecurityRule(node, Ingress: false, new RulePosition("rule"), Item: null));
                var a = reused.Clear();
                foreach (var rule in rules)
                {
                    if (rule.Ingress) continue;
                    var (ok, what) = Judge(g, rule, cover, nsgs);
                    if (directionUnknown && ok == Truth.False) ok = Truth.Unknown;
                    // Only the wording a finding can show is made: a false requirement fails the finding, which then
                    // names it by its violation text alone; any other is named by its requirement (most pass).
                    if (ok == Truth.False)
                    {
                        // Stryker disable once String : finding wording, not a control (docs/testing.md)
                        var violation = $"{rule.Where} lets traffic out to {rule.Peer}, {what}";
                        a.Require(ok, violation, whenViolated: violation);
                    }
                    // In parts: no string per rule (most pass, and every finding's message is kept until the report).
                    // Stryker disable once String : finding wording, not a control (docs/testing.md)
                    else a.RequireInParts(ok, rule.Where.Text, " destination ", rule.Peer.ToString(), " is a declared network");
                }
                if (a.IsEmpty)
                {
                    if (node.Type == OciTypes.NsgRule) continue;  // an ingress NSG rule: ENC-NET-030 judges it
                    // Stryker disable once String : finding wording, not a control (docs/testing.md)
                    a.Require(Truth.True, "no egress rules");
                }
                sink.Judge(node.Urn, node.Label, a);
            }
    }

    private static (Truth, string) Judge(ResourceGraph g, SecurityRule rule, CidrCover cover, NodeSet nsgs)
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
                return (TruthLogic.Of(cover.Covers(block)), "outside the stack's VCN range and on-premises ranges");
            case "SERVICE_CIDR_BLOCK":
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                return (TruthLogic.Of(IsOracleServicesLabel(peer.AsString())), "which is not an Oracle Services Network label");
            case "NETWORK_SECURITY_GROUP":
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                if (rule.Item is not null) return (Truth.False, "an NSG destination in a security list, which OCI does not allow");
                return (References.IdentifiesAny(g, rule.Owner, "destination", peer, nsgs), "which is not an NSG of the stack");
            default:
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                return (Truth.False, $"of destination type {type}, which OCI does not know");
        }
    }

    /// <summary>
    /// The two label shapes Oracle gives its service gateway services: <c>all-&lt;key&gt;-services-in-oracle-services-network</c>
    /// and <c>oci-&lt;key&gt;-objectstorage</c>. Anything else is no service the gateway can reach.
    /// </summary>
    private static bool IsOracleServicesLabel(string? label) => label is not null &&
        ((label.StartsWith("all-", StringComparison.OrdinalIgnoreCase) && label.EndsWith("-services-in-oracle-services-network", StringComparison.OrdinalIgnoreCase))
         || (label.StartsWith("oci-", StringComparison.OrdinalIgnoreCase) && label.EndsWith("-objectstorage", StringComparison.OrdinalIgnoreCase)));
}
