using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// A set of resources by identity (nodes are records: structural equality would compare whole input trees) that also
/// finds its members by URN, so "does this reference name one of them" is a lookup, not a scan of the set. Built
/// once and never changed afterwards (the URN index is made on first use from the members at that time).
/// </summary>
public sealed class NodeSet : HashSet<ResourceNode>
{
    private Dictionary<string, List<ResourceNode>>? _byUrn;

    public NodeSet(IEnumerable<ResourceNode> nodes) : base(nodes, ReferenceEqualityComparer.Instance)
    {
    }

    /// <summary>The members whose URN is <paramref name="urn"/> (several only when a graph holds duplicates), in set order.</summary>
    public IReadOnlyList<ResourceNode> WithUrn(string urn)
    {
        if (_byUrn is null)
        {
            var byUrn = new Dictionary<string, List<ResourceNode>>(Count, StringComparer.Ordinal);
            foreach (var node in this)
            {
                if (!byUrn.TryGetValue(node.Urn, out var same)) byUrn[node.Urn] = same = new List<ResourceNode>(1);
                same.Add(node);
            }
            _byUrn = byUrn;
        }
        return _byUrn.TryGetValue(urn, out var nodes) ? nodes : [];
    }
}
