using Enclave.Policy.Network;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// R20: links out of the enclave go only to the gatekeepers: CPEs at gatekeeper addresses, IPSec static routes inside
/// the on-premises ranges, DRG attachments to the enclave's own VCNs, peerings only with gateways of this stack.
/// </summary>
public sealed class OnPremLinksGatekept : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-007", "On-premises and peering links only to gatekeeper networks", Severity.High, Enforcement.Mandatory,
        "A VPN, DRG attachment or peering to a network the gatekeepers do not control (above all the parent company's) is a private path around every other control.",
        "Set Cpe.ipAddress to a gatekeeper address, IPSec static routes to `network.onPremCidrs`, attach the DRG only to enclave VCNs and peer only with gateways declared in this stack.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var p = context.Policy;
        var gatekeeperRanges = p.GatekeeperCidrs.Concat(p.OnPremCidrs).ToList();
        string[] linkTypes = [OciTypes.Cpe, OciTypes.Ipsec, OciTypes.DrgAttachment, OciTypes.RemotePeeringConnection, OciTypes.LocalPeeringGateway];
        if (!linkTypes.Any(t => g.OfType(t).Any()))
            sink.Pass(Scope.StackUrn(g), "no on-premises or peering links declared");
        foreach (var cpe in g.OfType(OciTypes.Cpe))
        {
            var ip = cpe.Input("ipAddress");
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            sink.Judge(cpe.Urn, cpe.Label, new Assessment()
                .Require(Cidr.WithinAny(ip, gatekeeperRanges), $"ipAddress {ip} is a gatekeeper or on-premises address")
                .Require(Cidr.OverlapsAny(ip, p.Parent.Cidrs).Not(), $"ipAddress {ip} is not a parent-company address"));
        }
        foreach (var ipsec in g.OfType(OciTypes.Ipsec))
        {
            var routes = ipsec.Input("staticRoutes");
            var a = new Assessment();
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            if (!routes.IsKnown) a.Require(Truth.Unknown, "static routes are inside the on-premises ranges");
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            foreach (var route in routes.AsList())
                a.Require(Cidr.WithinAny(route, p.OnPremCidrs), $"static route {route} is inside network.onPremCidrs");
            sink.Judge(ipsec.Urn, ipsec.Label, a);
        }
        var vcns = NodeSets.Of(g, OciTypes.Vcn);
        var drgs = NodeSets.Of(g, OciTypes.Drg);
        foreach (var attachment in g.OfType(OciTypes.DrgAttachment))
        {
            var details = attachment.Input("networkDetails");
            var type = details["type"];
            var a = new Assessment();
            // A DRG the stack does not declare (another team's, another tenancy's) joins the VCN to whatever that DRG
            // routes to, which no rule of this stack can see.
            a.Require(References.IdentifiesAny(g, attachment, "drgId", attachment.Input("drgId"), drgs), "attaches to a DRG of this stack");
            if (type.IsNull || type.EqualsString("VCN", StringComparison.OrdinalIgnoreCase) != Truth.False)
            {
                var (key, target) = details.IsNull ? ("vcnId", attachment.Input("vcnId")) : ("networkDetails", details["id"]);
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                a.Require(type.IsNull || type.IsKnown ? References.IdentifiesAny(g, attachment, key, target, vcns) : Truth.Unknown,
                    "attaches a VCN of this stack");
            }
            else
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                a.Require(Truth.False, $"attaches a {type} (only enclave VCNs may be attached)");
            sink.Judge(attachment.Urn, attachment.Label, a);
        }
        foreach (var type in new[] { OciTypes.RemotePeeringConnection, OciTypes.LocalPeeringGateway })
        {
            var peers = NodeSets.Of(g, type);
            foreach (var gateway in peers)
            {
                var peer = gateway.Input("peerId");
                if (peer.IsNull) { sink.Pass(gateway.Urn, $"{gateway.Label}: not peered"); continue; }
                sink.Judge(gateway.Urn, References.IdentifiesAny(g, gateway, "peerId", peer, peers, except: gateway),
                    $"{gateway.Label}: peers with a gateway of this stack",
                    $"{gateway.Label}: peers with {peer}, which is not part of this stack",
                    $"{gateway.Label}: peer not known until deploy");
            }
        }
    }
}
