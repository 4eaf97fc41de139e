using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>The doors into a VCN: internet gateways, DRGs with their on-prem and peering connections, local peerings.</summary>
public sealed partial class NetworkModel
{
    /// <summary>Every way into the VCN a reference points at (a wildcard door when the VCN cannot be resolved).</summary>
    public IReadOnlyList<EntryPoint> Entries(Ref vcn)
    {
        if (vcn.Node is not { } node || !node.IsType(OciTypes.Vcn))
            return [new EntryPoint(EntryKind.Unknown, Ref.Unknown,
                $"gateways of VCN {vcn.Label}{(vcn.IsUnknown ? "" : " (outside this stack)")}", Truth.Unknown,
                Cidr.Anywhere.Select(c => new EntrySource(c, null, Truth.Unknown)).ToArray(), false)];
        if (_entries.TryGetValue(node.Urn, out var cached)) return cached;
        var entries = new List<EntryPoint>();
        foreach (var (igw, certainty) in _internetGateways.At(node.Urn))
        {
            var enabled = igw["enabled"];
            var condition = enabled.IsNull ? Truth.True : enabled.EqualsBool(true);
            if (condition == Truth.False) continue;
            var state = condition == Truth.True ? "enabled" : "enabled: known after apply";
            entries.Add(new EntryPoint(EntryKind.InternetGateway, new Ref(igw, null, Truth.True),
                $"InternetGateway {igw.Name} ({state})", condition.And(certainty),
                Cidr.Anywhere.Select(c => new EntrySource(c, null, Truth.True)).ToArray(), NeedsPublicIp: true));
        }
        foreach (var (attachment, certainty) in _drgAttachments.At(node.Urn))
            foreach (var drg in _refs.One(attachment, "drgId", attachment["drgId"], IsDrg))
            {
                var sources = drg.Key is { } key && _drgSources.TryGetValue(key, out var known)
                    ? known
                    : Cidr.Anywhere.Select(c => new EntrySource(c,
                        $"DRG {drg.Label}: no on-prem or peering connection declared in this stack", Truth.Unknown)).ToList();
                if (_drgSources.TryGetValue(AnyDrg, out var floating)) sources = [.. sources, .. floating];
                entries.Add(new EntryPoint(EntryKind.Drg, drg, $"DRG {drg.Label} (attachment {attachment.Name})",
                    certainty.And(drg.Certainty), sources, NeedsPublicIp: false));
            }
        foreach (var (lpg, certainty) in _localPeeringGateways.At(node.Urn))
            if (_lpgSources.TryGetValue(lpg.Urn, out var sources))
                entries.Add(new EntryPoint(EntryKind.LocalPeering, new Ref(lpg, null, Truth.True),
                    $"LocalPeeringGateway {lpg.Name}", certainty, sources, NeedsPublicIp: false));
        _entries[node.Urn] = entries;
        return entries;
    }

    /// <summary>The VCN's address blocks as sources (for traffic arriving from a peered VCN).</summary>
    public IReadOnlyList<EntrySource> VcnSources(Ref vcn, string hop)
    {
        if (vcn.Node is not { } node)
            return [new EntrySource(null, $"{hop} (VCN {vcn.Label}: address blocks not known)", Truth.Unknown)];
        var blocks = node["cidrBlocks"];
        if (blocks.IsNull) blocks = PropertyValue.List(node["cidrBlock"]);
        if (!blocks.IsKnown) return [new EntrySource(null, $"{hop} (VCN {node.Name} blocks known after apply)", Truth.Unknown)];
        var result = new List<EntrySource>();
        foreach (var b in blocks.AsList())
        {
            if (b.IsNull) continue;
            result.Add(Cidr.TryParse(b.AsString(), out var c)
                ? new EntrySource(c, $"{hop} (VCN {node.Name} {c})", vcn.Certainty)
                : new EntrySource(null, $"{hop} (VCN {node.Name} block {b})", Truth.Unknown));
        }
        return result;
    }

    private void IndexManagedDefaults(string token, Dictionary<string, ResourceNode> vcnByDefaultId,
        Dictionary<string, ResourceNode> managedByVcn)
    {
        foreach (var managed in Graph.OfType(token))
        {
            var value = managed["manageDefaultResourceId"];
            if (value.AsString() is { } id)
            {
                if (vcnByDefaultId.TryGetValue(id, out var vcn)) managedByVcn.TryAdd(vcn.Urn, managed);
                continue;
            }
            foreach (var r in _refs.One(managed, "manageDefaultResourceId", value, IsVcn))
                if (r.Node is { } v) managedByVcn.TryAdd(v.Urn, managed);
        }
    }

    private Ref[] AttachedVcns(ResourceNode attachment)
    {
        var direct = _refs.One(attachment, "vcnId", attachment["vcnId"], IsVcn);
        if (direct.Length > 0) return direct;
        var details = attachment["networkDetails"];
        if (!details.IsKnown) return [Ref.Unknown];
        var type = details["type"];
        if (type.IsKnown && type.AsString() is { } t && !t.Equals("VCN", StringComparison.OrdinalIgnoreCase)) return [];
        return _refs.One(attachment, "networkDetails", details["id"], IsVcn);
    }

    private void IndexDrgConnections()
    {
        foreach (var ipsec in Graph.OfType(OciTypes.Ipsec))
        {
            var cpe = _refs.One(ipsec, "cpeId", ipsec["cpeId"], IsCpe).FirstOrDefault();
            var cpeText = cpe.Node is { } c ? $" (CPE {c.Name} {c["ipAddress"]})" : "";
            var label = $"IPSec {ipsec.Name}{cpeText}";
            var routes = ipsec["staticRoutes"];
            var sources = new List<EntrySource>();
            if (!routes.IsKnown) sources.Add(new EntrySource(null, $"{label} static routes known after apply", Truth.Unknown));
            else if (routes.AsList().IsEmpty)
                sources.AddRange(Cidr.Anywhere.Select(a => new EntrySource(a, $"{label} (BGP: any advertised range)", Truth.True)));
            else
                foreach (var route in routes.AsList())
                    sources.Add(Cidr.TryParse(route.AsString(), out var cidr)
                        ? new EntrySource(cidr, $"{label} static route {cidr}", Truth.True)
                        : new EntrySource(null, $"{label} static route {route}", Truth.Unknown));
            AddDrgSources(_refs.One(ipsec, "drgId", ipsec["drgId"], IsDrg), sources);
        }
        foreach (var vc in Graph.OfType(OciTypes.VirtualCircuit))
            AddDrgSources(_refs.One(vc, "gatewayId", vc["gatewayId"], IsDrg),
                Cidr.Anywhere.Select(a => new EntrySource(a, $"FastConnect virtual circuit {vc.Name} (BGP: any advertised range)", Truth.True)));
        var rpcs = Graph.OfType(OciTypes.RemotePeeringConnection).ToList();
        var peeredTo = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rpc in rpcs)
            foreach (var peer in _refs.One(rpc, "peerId", rpc["peerId"], IsRemotePeering))
                if (peer.Node is { } p) peeredTo.Add(p.Urn);
        foreach (var rpc in rpcs)
        {
            var peerId = rpc["peerId"];
            var peered = !peerId.IsNull || peeredTo.Contains(rpc.Urn);
            if (!peered) continue;
            var region = rpc["peerRegionName"].AsString() ?? "peer region not set";
            var known = peerId.IsKnown || peeredTo.Contains(rpc.Urn) ? Truth.True : Truth.Unknown;
            AddDrgSources(_refs.One(rpc, "drgId", rpc["drgId"], IsDrg),
                Cidr.Anywhere.Select(a => new EntrySource(a, $"RemotePeeringConnection {rpc.Name} ({region}: any remote range)", known)));
        }
    }

    private void AddDrgSources(IReadOnlyList<Ref> drgs, IEnumerable<EntrySource> sources)
    {
        var list = sources.ToList();
        foreach (var drg in drgs)
        {
            // A connection whose DRG is not known until deploy may land on any DRG.
            var key = drg.Key ?? AnyDrg;
            if (!_drgSources.TryGetValue(key, out var existing)) _drgSources[key] = existing = [];
            existing.AddRange(drg.Certainty == Truth.True ? list : list.Select(s => s with { Known = s.Known.And(drg.Certainty) }));
        }
    }

    private void IndexLocalPeerings()
    {
        foreach (var lpg in Graph.OfType(OciTypes.LocalPeeringGateway))
        {
            var peerId = lpg["peerId"];
            foreach (var peer in _refs.One(lpg, "peerId", peerId, IsLocalPeering))
            {
                if (peer.Node is { } p)
                {
                    // Peering is symmetric: each side receives the other VCN's ranges.
                    AddLpgSources(lpg, PeerSources(p, peer.Certainty));
                    AddLpgSources(p, PeerSources(lpg, peer.Certainty));
                }
                else
                    AddLpgSources(lpg, Cidr.Anywhere.Select(a => new EntrySource(a,
                        $"peer LocalPeeringGateway {peer.Label} ({(peer.IsUnknown ? "known after apply" : "outside this stack")}: any range)",
                        peer.IsUnknown ? Truth.Unknown : Truth.True)));
            }
        }
    }

    private IEnumerable<EntrySource> PeerSources(ResourceNode peerLpg, Truth certainty)
    {
        var vcns = _refs.One(peerLpg, "vcnId", peerLpg["vcnId"], IsVcn);
        if (vcns.Length == 0) return [new EntrySource(null, $"peer LocalPeeringGateway {peerLpg.Name} (VCN not set)", Truth.Unknown)];
        return vcns.SelectMany(v => VcnSources(v, $"peer LocalPeeringGateway {peerLpg.Name}"))
            .Select(s => s with { Known = s.Known.And(certainty) });
    }

    private void AddLpgSources(ResourceNode lpg, IEnumerable<EntrySource> sources)
    {
        if (!_lpgSources.TryGetValue(lpg.Urn, out var list)) _lpgSources[lpg.Urn] = list = [];
        list.AddRange(sources);
    }
}
