using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Reports;
using Enclave.Policy.Review.Diff;

namespace Enclave.Policy.Review.Topology;

/// <summary>
/// Draws a stack's firewall: compartments (nested as in the tenancy) holding VCNs with their subnets and gateways,
/// databases, buckets, vaults, keys and logs; routes from subnets to gateways and beyond; ingress rules that let
/// traffic reach a database; and every IAM access from <see cref="DataAccessReport"/> — the evaluator behind
/// <c>enclave access</c> and rules ENC-IAM-008/009, never a second reading of the statements. Kept readable at prod
/// size: keys and logs of one compartment and region are one node, and a principal's access to the data stores of one
/// compartment is one edge to that compartment, saying what it may manage or read and through how many statements.
/// </summary>
public static partial class FirewallTopology
{
    public static Topology Build(ResourceGraph graph, PolicyContext policy)
    {
        var b = new Builder(graph);
        b.Compartments();
        b.Networks();
        b.DataStores();
        b.Access(DataAccessReport.Build(graph, policy));
        return b.Result();
    }

    private sealed partial class Builder(ResourceGraph graph)
    {
        private readonly Dictionary<string, TopologyGroup> _groups = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TopologyNode> _nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TopologyEdge> _edges = new(StringComparer.Ordinal);
        // Resource URN → the node standing for it (collapsed keys and logs share one).
        private readonly Dictionary<string, string> _nodeOf = new(StringComparer.Ordinal);

        public Topology Result() => new(
            [.. _groups.Values.OrderBy(g => g.Key, StringComparer.Ordinal)],
            [.. _nodes.Values.OrderBy(n => n.Key, StringComparer.Ordinal)],
            [.. _edges.Values.OrderBy(e => e.Key, StringComparer.Ordinal)]);

        public void Compartments()
        {
            foreach (var c in graph.OfType(OciTypes.Compartment))
                _groups[Key(c)] = new TopologyGroup(Key(c), $"compartment {Text(c.Input("name")) ?? c.Name}", Compartment(c));
        }

        /// <summary>The group key of the compartment <paramref name="node"/> is in (a log's is its log group's), when that compartment is in the plan.</summary>
        private string? Compartment(ResourceNode node)
        {
            if (node.IsType(OciTypes.Log) && ById(node.Input("logGroupId")) is { } logGroup) node = logGroup;
            return node.Input("compartmentId").AsString() is { } id && graph.ById(id) is { } c && c.IsType(OciTypes.Compartment) ? Key(c) : null;
        }

        private void Node(ResourceNode resource, NodeKind kind, string label, string? group) =>
            Node(Key(resource), kind, label, group, resource.Urn);

        private void Node(string key, NodeKind kind, string label, string? group, params string[] members)
        {
            var all = _nodes.TryGetValue(key, out var existing) ? existing.Members.AddRange(members) : [.. members];
            _nodes[key] = new TopologyNode(key, kind, label, group, all);
            foreach (var m in members) _nodeOf[m] = key;
        }

        private void Edge(string from, string to, EdgeKind kind, string label)
        {
            var edge = new TopologyEdge(from, to, kind, label);
            _edges.TryAdd(edge.Key, edge);
        }

        /// <summary>The node a resource is drawn as, when it is drawn.</summary>
        private string? NodeOf(ResourceNode resource) => _nodeOf.GetValueOrDefault(resource.Urn);

        private ResourceNode? ById(PropertyValue value) => value.AsString() is { } id ? graph.ById(id) : null;

        private static string Key(ResourceNode r) => UrnKey.Of(r.Urn);

        private static string? Text(PropertyValue v) => v.AsString();

        private static string Region(ResourceNode r) => r.Region is null ? "" : $" · {r.Region}";
    }
}
