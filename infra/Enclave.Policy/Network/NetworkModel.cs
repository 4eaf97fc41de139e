using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>
/// Indexes over one graph's network resources, built once in a single pass per resource type: gateways,
/// attachments and peerings by VCN, NSG rules by NSG, DRG connections by DRG, route-table attachments by subnet,
/// default security lists and route tables by VCN. Per-subnet, per-VCN and per-NSG views are computed on first
/// use and cached, so the path search never scans the graph.
/// </summary>
public sealed class NetworkModel
{
    private static readonly HashSet<string> GatewayTypes =
    [
        OciTokens.InternetGateway, OciTokens.Drg, OciTokens.LocalPeeringGateway, OciTokens.NatGateway,
        OciTokens.ServiceGateway, "oci:Core/privateIp:PrivateIp",
    ];

    private readonly ReferenceResolver _refs;
    private readonly Dictionary<string, ResourceNode> _vcnByDefaultSecurityListId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceNode> _vcnByDefaultRouteTableId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceNode> _managedDefaultSecurityList = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceNode> _managedDefaultRouteTable = new(StringComparer.Ordinal);
    private readonly Placed _routeTableAttachments = new();
    private readonly Placed _nsgRules = new();
    private readonly Placed _internetGateways = new();
    private readonly Placed _drgAttachments = new();
    private readonly Placed _localPeeringGateways = new();
    /// <summary>Sources of DRG connections, by DRG key; <see cref="AnyDrg"/> holds those whose DRG is not known.</summary>
    private readonly Dictionary<string, List<EntrySource>> _drgSources = new(StringComparer.Ordinal);
    private const string AnyDrg = "";
    private readonly Dictionary<string, List<EntrySource>> _lpgSources = new(StringComparer.Ordinal);

    // Nodes are records with structural equality over all their inputs: key caches by reference, not by value.
    private readonly Dictionary<ResourceNode, SubnetInfo> _subnets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, IReadOnlyList<EntryPoint>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceNode, RuleSet> _nsgs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ResourceNode, RuleSet> _securityLists = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ResourceNode, RouteTableInfo> _routeTables = new(ReferenceEqualityComparer.Instance);

    public NetworkModel(ResourceGraph graph)
    {
        Graph = graph;
        _refs = new ReferenceResolver(graph);
        foreach (var vcn in graph.OfType(OciTokens.Vcn))
        {
            if (vcn["defaultSecurityListId"].AsString() is { } sl) _vcnByDefaultSecurityListId.TryAdd(sl, vcn);
            if (vcn["defaultRouteTableId"].AsString() is { } rt) _vcnByDefaultRouteTableId.TryAdd(rt, vcn);
        }
        IndexManagedDefaults(OciTokens.DefaultSecurityList, _vcnByDefaultSecurityListId, _managedDefaultSecurityList);
        IndexManagedDefaults(OciTokens.DefaultRouteTable, _vcnByDefaultRouteTableId, _managedDefaultRouteTable);
        foreach (var a in graph.OfType(OciTokens.RouteTableAttachment))
            _routeTableAttachments.Add(_refs.One(a, "subnetId", a["subnetId"], Is(OciTokens.Subnet)), a);
        foreach (var rule in graph.OfType(OciTokens.NetworkSecurityGroupSecurityRule))
            _nsgRules.Add(_refs.One(rule, "networkSecurityGroupId", rule["networkSecurityGroupId"], Is(OciTokens.NetworkSecurityGroup)), rule);
        foreach (var igw in graph.OfType(OciTokens.InternetGateway))
            _internetGateways.Add(_refs.One(igw, "vcnId", igw["vcnId"], Is(OciTokens.Vcn)), igw);
        foreach (var lpg in graph.OfType(OciTokens.LocalPeeringGateway))
            _localPeeringGateways.Add(_refs.One(lpg, "vcnId", lpg["vcnId"], Is(OciTokens.Vcn)), lpg);
        foreach (var att in graph.OfType(OciTokens.DrgAttachment))
            _drgAttachments.Add(AttachedVcns(att), att);
        IndexDrgConnections();
        IndexLocalPeerings();
    }

    public ResourceGraph Graph { get; }

    public ReferenceResolver References => _refs;

    public static Func<ResourceNode, bool> Is(string token) => n => n.IsType(token);

    /// <summary>The subnet a reference points at, with its VCN, route table and security lists resolved.</summary>
    public SubnetInfo Subnet(Ref subnet) => subnet.Node is { } node && node.IsType(OciTokens.Subnet)
        ? Subnet(node)
        : SubnetInfo.Wildcard(subnet.IsUnknown ? "(known after apply)" : $"{subnet.Label} (outside this stack)");

    public SubnetInfo Subnet(ResourceNode subnet)
    {
        if (_subnets.TryGetValue(subnet, out var cached)) return cached;
        var vcns = _refs.One(subnet, "vcnId", subnet["vcnId"], Is(OciTokens.Vcn));
        var info = new SubnetInfo(subnet, subnet.Name, vcns, PublicIps(subnet), RouteTablesOf(subnet, vcns),
            SecurityListsOf(subnet, vcns));
        _subnets[subnet] = info;
        return info;
    }

    /// <summary>The NSG a reference points at, with its ingress rules.</summary>
    public RuleSet Nsg(Ref nsg)
    {
        if (nsg.Node is not { } node || !node.IsType(OciTokens.NetworkSecurityGroup))
            return RuleSet.Wildcard($"NSG {nsg.Label}", nsg.IsUnknown ? "NSG known after apply" : "NSG outside this stack");
        if (!_nsgs.TryGetValue(node, out var set))
        {
            var rules = new List<IngressRule>();
            foreach (var (rule, certainty) in _nsgRules.At(node.Urn))
            {
                var body = rule.Inputs.Fields.ContainsKey("protocol") ? (PropertyValue)rule.Inputs : rule.Outputs;
                var owner = $"NSG {node.Name} rule {rule.Name}";
                var direction = body["direction"];
                var isIngress = direction.IsKnown
                    ? TruthLogic.Of(string.Equals(direction.AsString(), "INGRESS", StringComparison.OrdinalIgnoreCase))
                    : Truth.Unknown;
                if (isIngress == Truth.False) continue;
                var read = IngressRule.Read(owner, body);
                rules.Add(read with { Known = read.Known.And(certainty).And(isIngress) });
            }
            set = new RuleSet($"NSG {node.Name}", rules, Truth.True);
            _nsgs[node] = set;
        }
        return nsg.Certainty == Truth.True ? set : set with { Applies = nsg.Certainty };
    }

    /// <summary>Every way into the VCN a reference points at (a wildcard door when the VCN cannot be resolved).</summary>
    public IReadOnlyList<EntryPoint> Entries(Ref vcn)
    {
        if (vcn.Node is not { } node || !node.IsType(OciTokens.Vcn))
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
            foreach (var drg in _refs.One(attachment, "drgId", attachment["drgId"], Is(OciTokens.Drg)))
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
            foreach (var r in _refs.One(managed, "manageDefaultResourceId", value, Is(OciTokens.Vcn)))
                if (r.Node is { } v) managedByVcn.TryAdd(v.Urn, managed);
        }
    }

    private IReadOnlyList<Ref> AttachedVcns(ResourceNode attachment)
    {
        var direct = _refs.One(attachment, "vcnId", attachment["vcnId"], Is(OciTokens.Vcn));
        if (direct.Count > 0) return direct;
        var details = attachment["networkDetails"];
        if (!details.IsKnown) return [Ref.Unknown];
        var type = details["type"];
        if (type.IsKnown && type.AsString() is { } t && !t.Equals("VCN", StringComparison.OrdinalIgnoreCase)) return [];
        return _refs.One(attachment, "networkDetails", details["id"], Is(OciTokens.Vcn));
    }

    private void IndexDrgConnections()
    {
        foreach (var ipsec in Graph.OfType(OciTokens.Ipsec))
        {
            var cpe = _refs.One(ipsec, "cpeId", ipsec["cpeId"], Is(OciTokens.Cpe)).FirstOrDefault();
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
            AddDrgSources(_refs.One(ipsec, "drgId", ipsec["drgId"], Is(OciTokens.Drg)), sources);
        }
        foreach (var vc in Graph.OfType(OciTokens.VirtualCircuit))
            AddDrgSources(_refs.One(vc, "gatewayId", vc["gatewayId"], Is(OciTokens.Drg)),
                Cidr.Anywhere.Select(a => new EntrySource(a, $"FastConnect virtual circuit {vc.Name} (BGP: any advertised range)", Truth.True)));
        var rpcs = Graph.OfType(OciTokens.RemotePeeringConnection).ToList();
        var peeredTo = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rpc in rpcs)
            foreach (var peer in _refs.One(rpc, "peerId", rpc["peerId"], Is(OciTokens.RemotePeeringConnection)))
                if (peer.Node is { } p) peeredTo.Add(p.Urn);
        foreach (var rpc in rpcs)
        {
            var peerId = rpc["peerId"];
            var peered = !peerId.IsNull || peeredTo.Contains(rpc.Urn);
            if (!peered) continue;
            var region = rpc["peerRegionName"].AsString() ?? "peer region not set";
            var known = peerId.IsKnown || peeredTo.Contains(rpc.Urn) ? Truth.True : Truth.Unknown;
            AddDrgSources(_refs.One(rpc, "drgId", rpc["drgId"], Is(OciTokens.Drg)),
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
        foreach (var lpg in Graph.OfType(OciTokens.LocalPeeringGateway))
        {
            var peerId = lpg["peerId"];
            foreach (var peer in _refs.One(lpg, "peerId", peerId, Is(OciTokens.LocalPeeringGateway)))
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
        var vcns = _refs.One(peerLpg, "vcnId", peerLpg["vcnId"], Is(OciTokens.Vcn));
        if (vcns.Count == 0) return [new EntrySource(null, $"peer LocalPeeringGateway {peerLpg.Name} (VCN not set)", Truth.Unknown)];
        return vcns.SelectMany(v => VcnSources(v, $"peer LocalPeeringGateway {peerLpg.Name}"))
            .Select(s => s with { Known = s.Known.And(certainty) });
    }

    private void AddLpgSources(ResourceNode lpg, IEnumerable<EntrySource> sources)
    {
        if (!_lpgSources.TryGetValue(lpg.Urn, out var list)) _lpgSources[lpg.Urn] = list = [];
        list.AddRange(sources);
    }

    private static Truth PublicIps(ResourceNode subnet)
    {
        static Truth Set(PropertyValue v) => v.IsNull ? Truth.False : v.EqualsBool(true);
        // OCI defaults prohibitPublicIpOnVnic to false: a subnet is public unless it says otherwise.
        return Set(subnet["prohibitPublicIpOnVnic"]).Or(Set(subnet["prohibitInternetIngress"])).Not();
    }

    private IReadOnlyList<RouteTableInfo> RouteTablesOf(ResourceNode subnet, IReadOnlyList<Ref> vcns)
    {
        // A RouteTableAttachment overrides the subnet's own route table; when it only may apply (its subnet is
        // known after apply) both are candidates.
        var attached = _routeTableAttachments.At(subnet.Urn);
        var refs = new List<(Ref Table, Truth Certainty)>();
        foreach (var (attachment, certainty) in attached)
            foreach (var r in _refs.One(attachment, "routeTableId", attachment["routeTableId"], IsRouteTableLike))
                refs.Add((r, certainty));
        if (!attached.Any(a => a.Certainty == Truth.True))
        {
            var ownCertainty = attached.Count > 0 ? Truth.Unknown : Truth.True;
            var own = _refs.One(subnet, "routeTableId", subnet["routeTableId"], IsRouteTableLike);
            foreach (var r in own.Count > 0 ? own : vcns) refs.Add((r, ownCertainty));
        }
        return refs.Select(x => RouteTable(x.Table, x.Certainty)).ToArray();
    }

    private static bool IsRouteTableLike(ResourceNode n) =>
        n.IsType(OciTokens.RouteTable) || n.IsType(OciTokens.DefaultRouteTable) || n.IsType(OciTokens.Vcn);

    private RouteTableInfo RouteTable(Ref table, Truth certainty)
    {
        var node = table.Node;
        if (node is null && table.ExternalId is { } id && _vcnByDefaultRouteTableId.TryGetValue(id, out var owner)) node = owner;
        if (node is null) return RouteTableInfo.Wildcard(table.IsUnknown ? "(known after apply)" : $"{table.Label} (outside this stack)");
        if (node.IsType(OciTokens.Vcn))
        {
            if (_managedDefaultRouteTable.TryGetValue(node.Urn, out var managed)) node = managed;
            else return new RouteTableInfo($"default route table of VCN {node.Name} (Oracle default: no rules)", [], certainty.And(table.Certainty));
        }
        if (!_routeTables.TryGetValue(node, out var info))
        {
            info = new RouteTableInfo(node.Name, ReadRoutes(node), Truth.True);
            _routeTables[node] = info;
        }
        var applies = certainty.And(table.Certainty);
        return applies == Truth.True ? info : info with { Applies = applies };
    }

    private List<RouteRule> ReadRoutes(ResourceNode table)
    {
        var rules = table["routeRules"];
        var result = new List<RouteRule>();
        if (!rules.IsKnown) { result.Add(new RouteRule(table.Name, null, "(rules known after apply)", Ref.Unknown, Truth.Unknown)); return result; }
        foreach (var rule in rules.AsList())
        {
            if (!rule.IsKnown) { result.Add(new RouteRule(table.Name, null, "(rule known after apply)", Ref.Unknown, Truth.Unknown)); continue; }
            var type = rule["destinationType"];
            if (type.IsKnown && type.AsString() is { } t && t.Equals("SERVICE_CIDR_BLOCK", StringComparison.OrdinalIgnoreCase))
                continue; // Oracle services only: never a return path to an outside network.
            var destination = rule["destination"];
            if (destination.IsNull) destination = rule["cidrBlock"];
            Cidr? cidr = Cidr.TryParse(destination.AsString(), out var c) ? c : null;
            var known = type.IsKnown && destination.IsKnown && cidr is not null ? Truth.True : Truth.Unknown;
            var text = destination.IsKnown ? destination.AsString() ?? "(no destination)" : "(destination known after apply)";
            foreach (var target in _refs.One(table, "routeRules", rule["networkEntityId"], n => GatewayTypes.Contains(n.Type)))
                result.Add(new RouteRule(table.Name, cidr, text, target, known));
        }
        return result;
    }

    private IReadOnlyList<RuleSet> SecurityListsOf(ResourceNode subnet, IReadOnlyList<Ref> vcns)
    {
        var refs = _refs.Many(subnet, "securityListIds", n =>
            n.IsType(OciTokens.SecurityList) || n.IsType(OciTokens.DefaultSecurityList) || n.IsType(OciTokens.Vcn));
        // A subnet that names no security list gets its VCN's default one.
        if (refs.Count == 0) refs = vcns;
        return refs.Select(SecurityList).ToArray();
    }

    private RuleSet SecurityList(Ref list)
    {
        var node = list.Node;
        if (node is null && list.ExternalId is { } id && _vcnByDefaultSecurityListId.TryGetValue(id, out var owner)) node = owner;
        if (node is null)
            return RuleSet.Wildcard($"security list {list.Label}", list.IsUnknown ? "known after apply" : "outside this stack");
        if (node.IsType(OciTokens.Vcn))
        {
            if (_managedDefaultSecurityList.TryGetValue(node.Urn, out var managed)) node = managed;
            else return OracleDefaultSecurityList(node) with { Applies = list.Certainty };
        }
        if (!_securityLists.TryGetValue(node, out var set))
        {
            var label = node.IsType(OciTokens.DefaultSecurityList) ? $"default security list {node.Name}" : $"security list {node.Name}";
            set = new RuleSet(label, IngressRule.ReadList(label, node["ingressSecurityRules"]), Truth.True);
            _securityLists[node] = set;
        }
        return list.Certainty == Truth.True ? set : set with { Applies = list.Certainty };
    }

    /// <summary>
    /// The rules Oracle puts in a VCN's default security list when nothing manages it: SSH from anywhere,
    /// ICMP 3/4 from anywhere, ICMP 3 from the VCN.
    /// </summary>
    private RuleSet OracleDefaultSecurityList(ResourceNode vcn)
    {
        var label = $"default security list of VCN {vcn.Name} (Oracle defaults, not managed)";
        var rules = new List<IngressRule>
        {
            new(label, SourceKind.Cidr, Cidr.AnyV4, "0.0.0.0/0", new Traffic(Traffic.Tcp, 22, 22, null, null), Truth.True),
            new(label, SourceKind.Cidr, Cidr.AnyV4, "0.0.0.0/0", new Traffic(Traffic.Icmp, 0, 0, 3, 4), Truth.True),
        };
        foreach (var s in VcnSources(new Ref(vcn, null, Truth.True), label))
            rules.Add(new IngressRule(label, s.Range is null ? SourceKind.Unknown : SourceKind.Cidr, s.Range,
                s.Range?.ToString() ?? "the VCN", new Traffic(Traffic.Icmp, 0, 0, 3, null), s.Known));
        return new RuleSet(label, rules, Truth.True);
    }

    /// <summary>Resources grouped by the resource a reference of theirs points at (unknown references go to every key).</summary>
    private sealed class Placed
    {
        private readonly Dictionary<string, List<(ResourceNode Node, Truth Certainty)>> _byKey = new(StringComparer.Ordinal);
        private readonly List<(ResourceNode Node, Truth Certainty)> _anywhere = [];

        public void Add(IReadOnlyList<Ref> refs, ResourceNode node)
        {
            foreach (var r in refs)
            {
                if (r.Key is not { } key) { _anywhere.Add((node, Truth.Unknown)); continue; }
                if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
                list.Add((node, r.Certainty));
            }
        }

        public IReadOnlyList<(ResourceNode Node, Truth Certainty)> At(string key)
        {
            var placed = _byKey.TryGetValue(key, out var list) ? list : null;
            if (_anywhere.Count == 0) return (IReadOnlyList<(ResourceNode, Truth)>?)placed ?? [];
            return placed is null ? _anywhere : [.. placed, .. _anywhere];
        }
    }
}
