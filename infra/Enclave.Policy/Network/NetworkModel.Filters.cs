using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>What a subnet applies to packets: public IPs, its route table, its security lists; and NSGs.</summary>
public sealed partial class NetworkModel
{
    /// <summary>The NSG a reference points at, with its ingress rules.</summary>
    public RuleSet Nsg(Ref nsg)
    {
        if (nsg.Node is not { } node || !node.IsType(OciTypes.NetworkSecurityGroup))
            return RuleSet.Wildcard($"NSG {nsg.Label}", nsg.IsUnknown ? "NSG known after apply" : "NSG outside this stack");
        if (!_nsgs.TryGetValue(node, out var set))
        {
            var rules = new List<IngressRule>();
            foreach (var (rule, certainty) in _nsgRules.At(node.Urn))
            {
                var body = rule.Inputs.Fields.ContainsKey("protocol") ? (PropertyValue)rule.Inputs : rule.Outputs;
                var owner = $"NSG {node.Name} rule {rule.Name}";
                // Only EGRESS is not ingress: an invalid direction is read as the more open one (as SecurityRules does).
                var direction = body["direction"];
                var isIngress = direction.IsKnown
                    ? TruthLogic.Of(!string.Equals(direction.AsString(), "EGRESS", StringComparison.OrdinalIgnoreCase))
                    : Truth.Unknown;
                if (isIngress == Truth.False) continue;
                var read = IngressRule.Read(owner, body);
                var known = certainty.And(isIngress);
                rules.Add(known == Truth.True ? read : read with { Known = read.Known.And(known) });
            }
            set = new RuleSet($"NSG {node.Name}", rules, Truth.True);
            _nsgs[node] = set;
        }
        return nsg.Certainty == Truth.True ? set : set with { Applies = nsg.Certainty };
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
        if (!AnyCertain(attached))
        {
            var ownCertainty = attached.Count > 0 ? Truth.Unknown : Truth.True;
            var own = _refs.One(subnet, "routeTableId", subnet["routeTableId"], IsRouteTableLike);
            foreach (var r in own.Length > 0 ? own : vcns) refs.Add((r, ownCertainty));
        }
        var tables = new RouteTableInfo[refs.Count];
        for (var i = 0; i < tables.Length; i++) tables[i] = RouteTable(refs[i].Table, refs[i].Certainty);
        return tables;
    }

    private static bool AnyCertain(IReadOnlyList<(ResourceNode Node, Truth Certainty)> placed)
    {
        foreach (var (_, certainty) in placed)
            if (certainty == Truth.True) return true;
        return false;
    }

    private static bool IsRouteTableLike(ResourceNode n) =>
        n.IsType(OciTypes.RouteTable) || n.IsType(OciTypes.DefaultRouteTable) || n.IsType(OciTypes.Vcn);

    private RouteTableInfo RouteTable(Ref table, Truth certainty)
    {
        var node = table.Node;
        if (node is null && table.ExternalId is { } id && _vcnByDefaultRouteTableId.TryGetValue(id, out var owner)) node = owner;
        if (node is null) return RouteTableInfo.Wildcard(table.IsUnknown ? "(known after apply)" : $"{table.Label} (outside this stack)");
        if (node.IsType(OciTypes.Vcn))
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
        var refs = _refs.Many(subnet, "securityListIds", IsSecurityListLike);
        // A subnet that names no security list gets its VCN's default one.
        if (refs.Count == 0) refs = vcns;
        var lists = new RuleSet[refs.Count];
        for (var i = 0; i < lists.Length; i++) lists[i] = SecurityList(refs[i]);
        return lists;
    }

    private static bool IsSecurityListLike(ResourceNode n) =>
        n.IsType(OciTypes.SecurityList) || n.IsType(OciTypes.DefaultSecurityList) || n.IsType(OciTypes.Vcn);

    private RuleSet SecurityList(Ref list)
    {
        var node = list.Node;
        if (node is null && list.ExternalId is { } id && _vcnByDefaultSecurityListId.TryGetValue(id, out var owner)) node = owner;
        if (node is null)
            return RuleSet.Wildcard($"security list {list.Label}", list.IsUnknown ? "known after apply" : "outside this stack");
        if (node.IsType(OciTypes.Vcn))
        {
            if (_managedDefaultSecurityList.TryGetValue(node.Urn, out var managed)) node = managed;
            else return OracleDefaultSecurityList(node) with { Applies = list.Certainty };
        }
        if (!_securityLists.TryGetValue(node, out var set))
        {
            var label = node.IsType(OciTypes.DefaultSecurityList) ? $"default security list {node.Name}" : $"security list {node.Name}";
            set = new RuleSet(label, IngressRule.ReadList(label, node.Input("ingressSecurityRules")), Truth.True);
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
}
