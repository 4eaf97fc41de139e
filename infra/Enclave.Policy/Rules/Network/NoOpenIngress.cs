using Enclave.Policy.Network;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>R10: no security list or NSG rule admits traffic from anywhere (0.0.0.0/0 or ::/0), on any port.</summary>
public sealed class NoOpenIngress : RuleBase
{
    public override RuleInfo Info { get; } = new(
        "ENC-NET-005", "No ingress from the whole internet", Severity.Critical, Enforcement.Mandatory,
        "An ingress rule from 0.0.0.0/0 admits every address on earth, including the parent company's networks; CIS forbids it for SSH and RDP, the enclave for every port.",
        "Restrict every ingress source to the VCN, the gatekeepers' CIDRs or an NSG.",
        Cis: "2.1, 2.2, 2.3, 2.4")
    {
        Scope = RuleScope.Resource,
    };

    /// <summary>The resources that hold security rules, in the order findings come.</summary>
    private static readonly string[] Owners = [OciTypes.SecurityList, OciTypes.DefaultSecurityList, OciTypes.NsgRule];

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var g = context.Graph;
        var rules = new List<SecurityRule>(); // reused from resource to resource
        foreach (var type in Owners)
            foreach (var node in g.OfType(type))
            {
                var directionUnknown = SecurityRules.DirectionUnknown(node);
                rules.Clear();
                SecurityRules.Read(node, rules);
                var a = new Assessment();
                foreach (var rule in rules)
                {
                    if (!rule.Ingress && !directionUnknown) continue;
                    var peer = rule.Peer;
                    var open = Cidr.IsAnywhereValue(peer);
                    // An open rule whose direction is not known yet may be egress: undetermined, not a failure.
                    if (directionUnknown && open == Truth.True) open = Truth.Unknown;
                    var closed = open.Not();
                    // The violation is only phrased for a rule that is open (most are not).
                    // Stryker disable once all : finding wording (whenViolated is only the message of a rule found open)
                    a.Require(closed, $"{rule.Where} source {peer} is not the whole internet",
                        whenViolated: closed == Truth.False ? $"{rule.Where} admits {peer}, the whole internet" : null);
                }
                if (a.IsEmpty)
                {
                    if (node.Type == OciTypes.NsgRule) continue;  // an egress NSG rule
                    // Stryker disable once String : finding wording (docs/testing.md)
                    a.Require(Truth.True, "no ingress rules");
                }
                yield return Judge(node.Urn, node.Label, a);
            }
    }
}
