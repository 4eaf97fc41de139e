using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Plan;

/// <summary>
/// The component tree of a plan: the stack at the top, components and resources under their parents.
/// Siblings are ordered components first, then by type and name, so every rendering is stable.
/// </summary>
public sealed class PlanTree
{
    private readonly ILookup<string, ResourceNode> _children;

    public PlanTree(IReadOnlyCollection<ResourceNode> resources)
    {
        var urns = resources.Select(r => r.Urn).ToHashSet(StringComparer.Ordinal);
        // A resource whose parent is not in the plan (e.g. a provider) is shown at the top level.
        Roots = Sort(resources.Where(r => r.Parent is null || !urns.Contains(r.Parent))).ToList();
        _children = resources.Where(r => r.Parent is not null && urns.Contains(r.Parent)).ToLookup(r => r.Parent!, StringComparer.Ordinal);
    }

    public IReadOnlyList<ResourceNode> Roots { get; }

    public IReadOnlyList<ResourceNode> ChildrenOf(ResourceNode node) => Sort(_children[node.Urn]).ToList();

    /// <summary>Depth-first walk: each node with its depth and whether it is the last of its siblings at each level.</summary>
    public IEnumerable<(ResourceNode Node, IReadOnlyList<bool> LastAtLevel)> Walk()
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return WalkLevel(Roots, [], visited);
    }

    private IEnumerable<(ResourceNode, IReadOnlyList<bool>)> WalkLevel(IReadOnlyList<ResourceNode> level, IReadOnlyList<bool> path,
        HashSet<string> visited)
    {
        for (var i = 0; i < level.Count; i++)
        {
            var node = level[i];
            if (!visited.Add(node.Urn)) continue; // duplicate URNs or a parent cycle in a hand-edited file
            var here = path.Append(i == level.Count - 1).ToList();
            yield return (node, here);
            foreach (var child in WalkLevel(ChildrenOf(node), here, visited)) yield return child;
        }
    }

    private static IEnumerable<ResourceNode> Sort(IEnumerable<ResourceNode> nodes) =>
        nodes.OrderBy(n => n.Custom).ThenBy(n => n.Type, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Urn, StringComparer.Ordinal);
}
