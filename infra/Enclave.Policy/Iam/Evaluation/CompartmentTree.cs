namespace Enclave.Policy.Iam;

/// <summary>
/// The compartment hierarchy of an <see cref="IamModel"/>. Nodes are found by key or OCID. A node whose parent is
/// missing (or that sits on a cycle) has an incomplete ancestry: its place in the tree is unknown.
/// </summary>
internal sealed class CompartmentTree
{
    private readonly Dictionary<string, Node> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Node, Ancestry> _ancestry = [];

    public CompartmentTree(IamModel model, List<string> diagnostics)
    {
        Root = new Node(model.Tenancy with { ParentKey = null });
        Add(Root, diagnostics);
        foreach (var info in model.Compartments) Add(new Node(info), diagnostics);
        foreach (var node in _byKey.Values)
        {
            if (node == Root) continue;
            node.Parent = node.Info.ParentKey is { } p ? Find(p) : null;
            node.Parent?.Children.Add(node);
            if (node.Parent is null)
                diagnostics.Add($"compartment '{node.Display}' has no known parent; its place in the tree is unknown");
        }
    }

    public Node Root { get; }

    /// <summary>By model key first, then by OCID.</summary>
    public Node? Find(string keyOrId) =>
        _byKey.GetValueOrDefault(keyOrId) ?? _byId.GetValueOrDefault(keyOrId);

    public Node? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The node, its parent, … up to the root when <see cref="Ancestry.Complete"/>.</summary>
    public Ancestry AncestryOf(Node node)
    {
        if (_ancestry.TryGetValue(node, out var known)) return known;
        var chain = new List<Node>();
        var seen = new HashSet<Node>();
        for (var n = node; n is not null && seen.Add(n); n = n.Parent) chain.Add(n);
        var result = new Ancestry(chain, chain[^1] == Root);
        _ancestry[node] = result;
        return result;
    }

    private void Add(Node node, List<string> diagnostics)
    {
        if (!_byKey.TryAdd(node.Info.Key, node))
        {
            diagnostics.Add($"compartment key '{node.Info.Key}' appears twice; the first one is used");
            return;
        }
        if (node.Info.Id is { } id && !_byId.TryAdd(id, node))
            diagnostics.Add($"compartment id '{id}' appears twice; the first one is used");
    }

    internal sealed class Node(CompartmentInfo info)
    {
        public CompartmentInfo Info { get; } = info;
        public Node? Parent { get; set; }
        public List<Node> Children { get; } = [];
        public string Display => Info.Name ?? Info.Id ?? Info.Key;
    }

    /// <param name="Chain">The node first, then its ancestors.</param>
    /// <param name="Complete">True when the chain reaches the root.</param>
    internal sealed record Ancestry(List<Node> Chain, bool Complete);
}
