using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// ENC-NET-072: a peering or attachment joins the enclave only to gateways of this stack. ENC-NET-007 judges the peer a
/// gateway names; this closes what it leaves open. A peering gateway nobody of the stack peers with is the acceptor side
/// waiting for a requestor (a parent tenancy's LPG or RPC connects to it with an admit the gate may never see), so each
/// gateway must name a gateway of the stack or be named by one. DRG route tables and route distributions are types
/// outside the provider listing the gate reads: an attachment that names one imports or exports routes no rule can
/// read (a distribution that imports everything), so it names none and takes the DRG's defaults. A virtual circuit is
/// private, on a DRG of the stack, with no public prefixes.
/// </summary>
public sealed class PeeringsWithinStack : PinnedSettingsRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-072", "Peerings and attachments join only the stack's own gateways", Severity.Critical, Enforcement.Mandatory,
        "A peer-less peering gateway is a door another tenancy's gateway can connect to; a DRG attachment with its own route table or an export distribution moves routes the gate cannot read (a distribution that imports everything); a public or foreign-gateway virtual circuit is a link the stack never declared.",
        "Pair every local or remote peering gateway with one of this stack; leave DRG attachments' drgRouteTableId and exportDrgRouteDistributionId unset; make virtual circuits PRIVATE on a DRG of this stack with no publicPrefixes.");

    protected override IReadOnlyList<(string Type, Pin[] Pins)> Table { get; } =
    [
        (OciTypes.LocalPeeringGateway, []),
        (OciTypes.RemotePeeringConnection, []),
        (OciTypes.DrgAttachment, [Pin.Unset("drgRouteTableId").NotDeployed("OCI names the DRG's default route table of the attachment's kind"),
            Pin.Unset("exportDrgRouteDistributionId").NotDeployed("OCI names the DRG's default export distribution")]),
        (OciTypes.VirtualCircuit, [Pin.OneOf("type", "PRIVATE"), Pin.UnsetOrEmpty("publicPrefixes")]),
    ];

    protected override void Extra(RuleContext context, ResourceNode node, Assessment a)
    {
        var g = context.Graph;
        if (node.Type == OciTypes.VirtualCircuit)
        {
            a.Require(References.IdentifiesAny(g, node, "gatewayId", Set(node, "gatewayId"), NodeSets.Of(g, OciTypes.Drg)),
                $"gatewayId {Set(node, "gatewayId")} is a DRG of this stack");
            return;
        }
        if (node.Type == OciTypes.DrgAttachment) return;
        var peers = NodeSets.Of(g, node.Type);
        var own = node.Input("peerId");
        // Named by the gateway itself, or naming it from the other side (the acceptor of a pair has no peerId).
        var paired = own.IsNull ? Truth.False : References.IdentifiesAny(g, node, "peerId", own, peers, except: node);
        var named = NamedPeers.GetValue(g, _ => new ConcurrentDictionary<string, PeerNames>(StringComparer.Ordinal))
            .GetOrAdd(node.Type, _ => PeerNames.Of(peers));
        // Named by another gateway: a gateway naming itself (never a real peering) does not count.
        if (node.Id.AsString() is { } id && named.Ids.GetValueOrDefault(id) - (own.AsString() == id ? 1 : 0) > 0) paired = Truth.True;
        foreach (var other in named.Others)
            if (paired != Truth.True && !ReferenceEquals(other, node))
                paired = paired.Or(References.Identifies(g, other, "peerId", other.Input("peerId"), node));
        // Stryker disable once String,Conditional : finding wording, not a control (docs/testing.md)
        a.Require(paired, "peers with a gateway of this stack",
            whenViolated: own.IsNull ? "has no peer of this stack: another tenancy's gateway may connect to it" : $"peers with {own}, which is not a gateway of this stack");
    }

    /// <summary>
    /// Per graph and gateway type, the peer ids gateways name as plain strings (a set lookup per gateway), and the few
    /// gateways whose peer is a reference or not known yet (asked one by one): a state of thousands of gateways costs
    /// one pass, not one per pair.
    /// </summary>
    private static readonly ConditionalWeakTable<ResourceGraph, ConcurrentDictionary<string, PeerNames>> NamedPeers = new();

    private sealed record PeerNames(Dictionary<string, int> Ids, List<ResourceNode> Others)
    {
        public static PeerNames Of(IEnumerable<ResourceNode> gateways)
        {
            var names = new PeerNames(new Dictionary<string, int>(StringComparer.Ordinal), []);
            foreach (var gateway in gateways)
            {
                var peer = gateway.Input("peerId");
                if (peer.IsNull) continue;
                if (peer.AsString() is { } id) names.Ids[id] = names.Ids.GetValueOrDefault(id) + 1;
                else names.Others.Add(gateway);
            }
            return names;
        }
    }
}
