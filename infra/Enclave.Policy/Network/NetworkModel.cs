using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>
/// Indexes over one graph's network resources, built once in a single pass per resource type: gateways,
/// attachments and peerings by VCN, NSG rules by NSG, DRG connections by DRG, route-table attachments by subnet,
/// default security lists and route tables by VCN. Per-subnet, per-VCN and per-NSG views are computed on first
/// use and cached, so the path search never scans the graph.
/// </summary>
public sealed partial class NetworkModel
{
    private static readonly HashSet<string> GatewayTypes =
    [
        OciTypes.InternetGateway, OciTypes.Drg, OciTypes.LocalPeeringGateway, OciTypes.NatGateway,
        OciTypes.ServiceGateway, "oci:Core/privateIp:PrivateIp",
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
        foreach (var vcn in graph.OfType(OciTypes.Vcn))
        {
            if (vcn["defaultSecurityListId"].AsString() is { } sl) _vcnByDefaultSecurityListId.TryAdd(sl, vcn);
            if (vcn["defaultRouteTableId"].AsString() is { } rt) _vcnByDefaultRouteTableId.TryAdd(rt, vcn);
        }
        IndexManagedDefaults(OciTypes.DefaultSecurityList, _vcnByDefaultSecurityListId, _managedDefaultSecurityList);
        IndexManagedDefaults(OciTypes.DefaultRouteTable, _vcnByDefaultRouteTableId, _managedDefaultRouteTable);
        foreach (var a in graph.OfType(OciTypes.RouteTableAttachment))
            _routeTableAttachments.Add(_refs.One(a, "subnetId", a["subnetId"], IsSubnet), a);
        foreach (var rule in graph.OfType(OciTypes.NetworkSecurityGroupSecurityRule))
            _nsgRules.Add(_refs.One(rule, "networkSecurityGroupId", rule["networkSecurityGroupId"], IsNsg), rule);
        foreach (var igw in graph.OfType(OciTypes.InternetGateway))
            _internetGateways.Add(_refs.One(igw, "vcnId", igw["vcnId"], IsVcn), igw);
        foreach (var lpg in graph.OfType(OciTypes.LocalPeeringGateway))
            _localPeeringGateways.Add(_refs.One(lpg, "vcnId", lpg["vcnId"], IsVcn), lpg);
        foreach (var att in graph.OfType(OciTypes.DrgAttachment))
            _drgAttachments.Add(AttachedVcns(att), att);
        IndexDrgConnections();
        IndexLocalPeerings();
    }

    public ResourceGraph Graph { get; }

    public ReferenceResolver References => _refs;

    public static Func<ResourceNode, bool> Is(string token) => n => n.IsType(token);

    // The type tests references are resolved with, made once rather than a closure per reference.
    internal static readonly Func<ResourceNode, bool> IsVcn = Is(OciTypes.Vcn), IsSubnet = Is(OciTypes.Subnet),
        IsNsg = Is(OciTypes.NetworkSecurityGroup), IsDrg = Is(OciTypes.Drg), IsCpe = Is(OciTypes.Cpe),
        IsLocalPeering = Is(OciTypes.LocalPeeringGateway), IsRemotePeering = Is(OciTypes.RemotePeeringConnection);

    /// <summary>The subnet a reference points at, with its VCN, route table and security lists resolved (those two on first use).</summary>
    public SubnetInfo Subnet(Ref subnet) => subnet.Node is { } node && node.IsType(OciTypes.Subnet)
        ? Subnet(node)
        : SubnetInfo.Wildcard(subnet.IsUnknown ? "(known after apply)" : $"{subnet.Label} (outside this stack)");

    public SubnetInfo Subnet(ResourceNode subnet)
    {
        if (_subnets.TryGetValue(subnet, out var cached)) return cached;
        var vcns = _refs.One(subnet, "vcnId", subnet["vcnId"], IsVcn);
        var info = new SubnetInfo(subnet, subnet.Name, vcns, PublicIps(subnet),
            new Deferred<RouteTableInfo>(() => RouteTablesOf(subnet, vcns)), new Deferred<RuleSet>(() => SecurityListsOf(subnet, vcns)));
        _subnets[subnet] = info;
        return info;
    }

    /// <summary>Resources grouped by the resource a reference of theirs points at (unknown references go to every key).</summary>
    private sealed class Placed
    {
        private readonly Dictionary<string, List<(ResourceNode Node, Truth Certainty)>> _byKey = new(StringComparer.Ordinal);
        private readonly List<(ResourceNode Node, Truth Certainty)> _anywhere = [];

        public void Add(Ref[] refs, ResourceNode node)
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
