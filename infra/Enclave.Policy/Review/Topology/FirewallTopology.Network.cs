using System.Globalization;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Topology;

// The network half of the picture: VCNs, subnets, gateways, NSGs and the bastion; routes and ingress rules.
public static partial class FirewallTopology
{
    private sealed partial class Builder
    {
        private const string OracleServices = "outside:oracle-services";
        private const string Internet = "outside:internet";
        private const string OtherNetworks = "outside:other-networks";

        public void Networks()
        {
            foreach (var vcn in graph.OfType(OciTypes.Vcn))
            {
                var cidrs = vcn.Input("cidrBlocks").AsList().Select(c => c.AsString()).OfType<string>()
                    .Append(vcn.Input("cidrBlock").AsString()).OfType<string>().Distinct(StringComparer.Ordinal);
                _groups[Key(vcn)] = new TopologyGroup(Key(vcn), $"VCN {vcn.Name} {string.Join(", ", cidrs)}{Region(vcn)}", Compartment(vcn));
            }
            foreach (var subnet in graph.OfType(OciTypes.Subnet))
                Node(subnet, NodeKind.Subnet, $"subnet {subnet.Name} {subnet.Input("cidrBlock").AsString()}", VcnGroup(subnet));
            Gateways();
            foreach (var nsg in graph.OfType(OciTypes.NetworkSecurityGroup))
                Node(nsg, NodeKind.SecurityGroup, $"NSG {nsg.Name}", VcnGroup(nsg));
            foreach (var bastion in graph.OfType(OciTypes.Bastion))
            {
                var target = ById(bastion.Input("targetSubnetId"));
                Node(bastion, NodeKind.Bastion, $"bastion {bastion.Name}", target is null ? Compartment(bastion) : VcnGroup(target));
                var clients = bastion.Input("clientCidrBlockAllowLists").AsList().Select(c => c.AsString()).OfType<string>().ToList();
                if (clients.Count > 0)
                    Edge(Outside($"outside:{string.Join(",", clients)}", $"clients {string.Join(", ", clients)}"), Key(bastion), EdgeKind.Ingress, "sessions");
                if (target is not null) Edge(Key(bastion), Key(target), EdgeKind.Ingress, "ssh sessions");
            }
            Routes();
            Ingress();
        }

        private string? VcnGroup(ResourceNode node) =>
            ById(node.Input("vcnId")) is { } vcn && _groups.ContainsKey(Key(vcn)) ? Key(vcn) : Compartment(node);

        private void Gateways()
        {
            foreach (var (type, label, beyond) in new[]
                     {
                         (OciTypes.ServiceGateway, "service gateway", OracleServices),
                         (OciTypes.NatGateway, "NAT gateway", Internet),
                         (OciTypes.InternetGateway, "internet gateway", Internet),
                         (OciTypes.LocalPeeringGateway, "local peering gateway", OtherNetworks),
                     })
                foreach (var gateway in graph.OfType(type))
                {
                    Node(gateway, NodeKind.Gateway, $"{label} {gateway.Name}", VcnGroup(gateway));
                    Edge(Key(gateway), Outside(beyond, OutsideLabel(beyond)), EdgeKind.Route, "");
                }
            foreach (var drg in graph.OfType(OciTypes.Drg))
            {
                Node(drg, NodeKind.Gateway, $"DRG {drg.Name}", Compartment(drg));
                Edge(Key(drg), Outside(OtherNetworks, OutsideLabel(OtherNetworks)), EdgeKind.Route, "");
            }
            foreach (var attachment in graph.OfType(OciTypes.DrgAttachment))
                if (ById(attachment.Input("drgId")) is { } drg &&
                    (ById(attachment.Input("vcnId")) ?? ById(attachment.Input("networkDetails")["id"])) is { } vcn)
                    foreach (var subnet in graph.OfType(OciTypes.Subnet).Where(s => ReferenceEquals(ById(s.Input("vcnId")), vcn)))
                        Edge(Key(subnet), Key(drg), EdgeKind.Route, "attached");
        }

        private static string OutsideLabel(string key) => key switch
        {
            OracleServices => "Oracle services",
            Internet => "internet",
            _ => "other networks (on-premises, peers)",
        };

        private string Outside(string key, string label)
        {
            if (!_nodes.ContainsKey(key)) Node(key, NodeKind.Outside, label, null);
            return key;
        }

        /// <summary>Subnet → gateway for each route of its route table, labelled with the destinations.</summary>
        private void Routes()
        {
            foreach (var subnet in graph.OfType(OciTypes.Subnet))
            {
                if (ById(subnet.Input("routeTableId")) is not { } table) continue;
                foreach (var via in table.Input("routeRules").AsList().GroupBy(r => r["networkEntityId"].AsString() ?? "", StringComparer.Ordinal))
                {
                    if (graph.ById(via.Key) is not { } gateway || NodeOf(gateway) is not { } target) continue;
                    var destinations = via.Select(r => r["destination"].AsString() ?? r["cidrBlock"].AsString()).OfType<string>().Distinct(StringComparer.Ordinal);
                    Edge(Key(subnet), target, EdgeKind.Route, string.Join(", ", destinations));
                }
            }
        }

        /// <summary>Ingress rules of NSGs (into the NSG) and security lists (into the subnets using them), by source.</summary>
        private void Ingress()
        {
            foreach (var rule in graph.OfType(OciTypes.NsgRule))
            {
                if (!string.Equals(rule.Input("direction").AsString(), "INGRESS", StringComparison.OrdinalIgnoreCase)) continue;
                if (ById(rule.Input("networkSecurityGroupId")) is not { } nsg || NodeOf(nsg) is not { } to) continue;
                Edge(Source(rule.Input("source"), rule.Input("sourceType").AsString(), nsg), to, EdgeKind.Ingress, Ports(rule));
            }
            foreach (var subnet in graph.OfType(OciTypes.Subnet))
                foreach (var id in subnet.Input("securityListIds").AsList())
                    if (ById(id) is { } list)
                        foreach (var rule in list.Input("ingressSecurityRules").AsList())
                            Edge(Source(rule["source"], rule["sourceType"].AsString(), subnet), Key(subnet), EdgeKind.Ingress, Ports(rule));
        }

        /// <summary>Where ingress comes from: a subnet or NSG of the plan, else a range outside it.</summary>
        private string Source(PropertyValue source, string? type, ResourceNode near)
        {
            if (ById(source) is { } resource && NodeOf(resource) is { } node) return node;
            var text = source.AsString() ?? "(unknown source)";
            var vcn = near.Input("vcnId").AsString();
            // The first subnet (in graph order) with that CIDR in the same VCN: looked up by CIDR, not scanned per rule
            // (rules × subnets was most of a 100k-resource diff).
            var subnet = SubnetsByCidr().GetValueOrDefault(text)?.FirstOrDefault(s => vcn is null || s.Input("vcnId").AsString() == vcn);
            if (subnet is not null) return Key(subnet);
            var label = text is "0.0.0.0/0" or "::/0" ? $"internet {text}" : type is "SERVICE_CIDR_BLOCK" ? $"Oracle services {text}" : text;
            return Outside($"outside:{text}", label);
        }

        private Dictionary<string, List<ResourceNode>>? _subnetsByCidr;

        /// <summary>The subnets by their <c>cidrBlock</c>, each list in graph order.</summary>
        private Dictionary<string, List<ResourceNode>> SubnetsByCidr()
        {
            if (_subnetsByCidr is { } built) return built;
            built = new Dictionary<string, List<ResourceNode>>(StringComparer.Ordinal);
            foreach (var s in graph.OfType(OciTypes.Subnet))
                if (s.Input("cidrBlock").AsString() is { } cidr)
                {
                    if (!built.TryGetValue(cidr, out var list)) built[cidr] = list = [];
                    list.Add(s);
                }
            return _subnetsByCidr = built;
        }

        private static string Ports(ResourceNode rule) => Ports(rule.Inputs);

        /// <summary><c>tcp 1522</c>, <c>udp 53</c>, <c>icmp</c>, <c>all</c>: what the rule lets through.</summary>
        private static string Ports(PropertyValue rule)
        {
            var protocol = rule["protocol"].AsString() switch { "6" => "tcp", "17" => "udp", "1" => "icmp", "all" => "all", var p => p ?? "?" };
            foreach (var options in new[] { "tcpOptions", "udpOptions" })
            {
                var o = rule[options];
                var range = o["destinationPortRange"] is MapValue nested ? nested : o;
                if (range["min"].AsNumber() is { } min)
                {
                    var max = range["max"].AsNumber() ?? min;
                    return min == max ? $"{protocol} {min.ToString(CultureInfo.InvariantCulture)}"
                        : $"{protocol} {min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)}";
                }
            }
            return protocol;
        }
    }
}
