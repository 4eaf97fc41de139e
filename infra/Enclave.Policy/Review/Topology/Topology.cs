using System.Collections.Immutable;

namespace Enclave.Policy.Review.Topology;

/// <summary>What a node of the firewall picture is; it decides the node's shape.</summary>
public enum NodeKind { Subnet, Gateway, SecurityGroup, Bastion, Database, Bucket, Logs, Vault, Keys, Secret, Principal, Outside }

/// <summary>How an edge reads: traffic (routes, ingress rules, endpoints) or IAM access from <c>enclave access</c>.</summary>
public enum EdgeKind { Route, Ingress, Endpoint, Access, AccessConditional, AccessViolation }

/// <summary>A box around nodes: a compartment (nested as in the tenancy) or a VCN.</summary>
/// <param name="Key">Stable across revisions (the resource's URN without its stack), so two pictures can be compared.</param>
public sealed record TopologyGroup(string Key, string Label, string? Parent);

/// <summary>One thing in the picture; <paramref name="Members"/> are the resources it stands for (several collapsed keys or logs).</summary>
public sealed record TopologyNode(string Key, NodeKind Kind, string Label, string? Group, ImmutableArray<string> Members);

/// <summary>An arrow; <paramref name="Label"/> says what passes (ports, destinations) or which access, how many statements.</summary>
public sealed record TopologyEdge(string From, string To, EdgeKind Kind, string Label)
{
    public string Key => $"{From}\u001f{To}\u001f{Kind}\u001f{Label}";
}

/// <summary>
/// The firewall of one stack as a picture: compartments with their VCNs, subnets, gateways and data stores, the
/// principals outside them, and the edges between (<see cref="FirewallTopology"/> builds it).
/// </summary>
public sealed record Topology(ImmutableArray<TopologyGroup> Groups, ImmutableArray<TopologyNode> Nodes, ImmutableArray<TopologyEdge> Edges);

/// <summary>Whether something is new, gone or changed relative to a base; <see cref="Same"/> without one.</summary>
public enum Change { Same, Added, Removed, Changed }

/// <summary>
/// What a rendering draws: the head's picture, or the union of a base's and a head's with each node and edge marked
/// added, removed or changed, so a reviewer sees at a glance which access or route a change opens or closes.
/// </summary>
public sealed record TopologyDiagram(
    ImmutableArray<TopologyGroup> Groups,
    ImmutableArray<(TopologyNode Node, Change Change)> Nodes,
    ImmutableArray<(TopologyEdge Edge, Change Change)> Edges,
    bool Compared)
{
    public static TopologyDiagram Of(Topology t) =>
        new(t.Groups, [.. t.Nodes.Select(n => (n, Change.Same))], [.. t.Edges.Select(e => (e, Change.Same))], false);

    /// <param name="diff">The resource diff behind the pictures: nodes standing for an updated or replaced resource are marked changed.</param>
    public static TopologyDiagram Compare(Topology before, Topology after, Diff.ReviewDiff? diff)
    {
        var changed = diff?.Changes.Where(c => c.Op is Diff.ChangeOp.Update or Diff.ChangeOp.Replace)
            .Select(c => Diff.UrnKey.Of(c.Urn)).ToHashSet(StringComparer.Ordinal) ?? [];
        var beforeNodes = before.Nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        var afterKeys = after.Nodes.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        var nodes = after.Nodes.Select(n => (n, !beforeNodes.ContainsKey(n.Key) ? Change.Added
                : n.Members.Any(changed.Contains) || !Same(beforeNodes[n.Key], n) ? Change.Changed : Change.Same))
            .Concat(before.Nodes.Where(n => !afterKeys.Contains(n.Key)).Select(n => (n, Change.Removed)));
        var beforeEdges = before.Edges.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var afterEdges = after.Edges.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var edges = after.Edges.Select(e => (e, beforeEdges.Contains(e.Key) ? Change.Same : Change.Added))
            .Concat(before.Edges.Where(e => !afterEdges.Contains(e.Key)).Select(e => (e, Change.Removed)));
        var groups = after.Groups.Concat(before.Groups.Where(g => after.Groups.All(a => a.Key != g.Key)));
        return new TopologyDiagram([.. groups], [.. nodes], [.. edges], true);
    }

    private static bool Same(TopologyNode a, TopologyNode b) =>
        a.Label == b.Label && a.Kind == b.Kind && a.Group == b.Group && a.Members.SequenceEqual(b.Members);
}
