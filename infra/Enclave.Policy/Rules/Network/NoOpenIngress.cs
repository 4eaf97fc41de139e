using Enclave.Policy.Network;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// R10 / issue 10.6: no security list or NSG rule admits traffic from the internet or a near-open range
/// (<see cref="Networks.NearOpen"/>: 0.0.0.0/0, ::/0, supernets wider than the stack's minimum prefix, IPv4-mapped
/// "any"), on any port, stateful or stateless. An NSG rule whose direction is not EGRESS is judged as ingress; a CIDR
/// source the gate cannot read is not a network it can vouch for.
/// </summary>
public sealed class NoOpenIngress : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-005", "No ingress from the internet or a near-open range", Severity.Critical, Enforcement.Mandatory,
        "An ingress rule from 0.0.0.0/0, ::/0 or a supernet such as 0.0.0.0/1 or 2000::/3 admits most addresses on earth, including the parent company's networks; CIS forbids it for SSH and RDP, the enclave for every port.",
        "Restrict every ingress source to the VCN, the gatekeepers' CIDRs or an NSG, each at least as narrow as `minimumPrefix` (default IPv4 /16, IPv6 /48).",
        Cis: "2.1, 2.2, 2.3, 2.4")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var limits = context.Policy.NetworkLimits;
        var reused = new Assessment();  // one for every resource: each finding copies its message's parts
        foreach (var (node, directionUnknown, ingress) in SecurityRules.IngressByOwner(g))
        {
            var a = reused.Clear();
            foreach (var rule in ingress)
            {
                var peer = rule.Peer;
                // Each source is parsed once: a block is judged near-open or not; a CIDR source that does not parse
                // (OCI would refuse it) is no network the gate can vouch for; an NSG id or service label is no block.
                string? reason = null;
                var open = !peer.IsKnown ? Truth.Unknown
                    : peer.AsString() is not { } text ? Truth.False
                    : Cidr.TryParse(text, out var block) ? TruthLogic.Of((reason = block.NearOpenReason(limits)) is not null)
                    : SecurityRules.PeerIsCidr(rule);
                // Stryker disable once Logical,Equality : finding wording only (unreadable only chooses which violation text is shown)
                var unreadable = open != Truth.False && reason is null && peer.IsKnown;
                var bad = open;
                // An open rule whose direction is not known yet may be egress: undetermined, not a failure.
                if (directionUnknown && bad == Truth.True) bad = Truth.Unknown;
                var closed = bad.Not();
                // The violation is only phrased for a rule that is open (most are not).
                // A false requirement is named by its violation alone, any other by its requirement: only one is made.
                // Stryker disable once String,Equality,Conditional,Boolean,Unary : finding wording only (the requirement itself, closed, is still mutated)
                if (closed == Truth.False)
                {
                    var violation = !unreadable ? $"{rule.Where} admits {peer}, which {reason}"
                        : $"{rule.Where} source {peer} is not a CIDR block (the gate cannot read which network it admits)";
                    a.Require(closed, violation, whenViolated: violation);
                }
                // In parts: no string per rule (most pass, and every finding's message is kept until the report).
                else a.RequireInParts(closed, rule.Where.Text, " source ", peer.ToString(), " is not the internet or a near-open range");
            }
            if (a.IsEmpty)
            {
                if (node.Type == OciTypes.NsgRule) continue;  // an egress NSG rule
                // Stryker disable once String : finding wording (docs/testing.md)
                a.Require(Truth.True, "no ingress rules");
            }
            sink.Judge(node.Urn, node.Label, a);
        }
    }
}
