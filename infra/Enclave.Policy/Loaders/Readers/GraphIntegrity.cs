using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// What makes a set of resources one stack, checked on every artifact as it is read: URNs are unique (the graph
/// keys everything by URN; of two resources with one URN, rules would see only one, so the other could hide
/// anything), all resources belong to one stack of one project, and no resource is its own ancestor through
/// <c>parent</c> (Pulumi's own integrity check refuses such a state). Errors name the JSON path of the resource.
/// </summary>
/// <param name="what">What one item is called in errors ("resource", "step").</param>
/// <param name="pathOf">The JSON path of the item at an index, for errors (made only when one is reported).</param>
internal sealed class GraphIntegrity(string what, Func<int, string> pathOf)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<ResourceNode> _nodes = [];
    private readonly List<int> _items = [];
    private string? _prefix;

    public List<ResourceNode> Nodes => _nodes;

    /// <summary>Resources that exist in the cloud but are not part of the graph (pending deletes, interrupted operations).</summary>
    public List<UnjudgedResource> Unjudged { get; } = [];

    /// <summary>The stack and project of the first resource (empty when there is none).</summary>
    public (string Stack, string Project) Identity { get; private set; } = ("", "");

    /// <summary>Adds the resource of item <paramref name="item"/>; refuses a second resource with the same URN or another stack's.</summary>
    public void Add(ResourceNode node, int item, ref JsonCursor c)
    {
        if (!_index.TryAdd(node.Urn, _nodes.Count))
            throw c.Source.Error($"the URN \"{node.Urn}\" is given to two {what}s (the first at {pathOf(_items[_index[node.Urn]])}); " +
                                 "URNs identify resources, so each must be unique");
        CheckStack(node.Urn, ref c);
        _nodes.Add(node);
        _items.Add(item);
    }

    /// <summary>Adds a resource already known to be the only one with its URN (no cursor to report from).</summary>
    public void AddChecked(ResourceNode node, int item)
    {
        _index[node.Urn] = _nodes.Count;
        _nodes.Add(node);
        _items.Add(item);
    }

    /// <summary>A resource of the same stack that is not part of the graph (a pending delete): only its stack is checked.</summary>
    public void CheckStack(string urn, ref JsonCursor c)
    {
        if (_prefix is null)
        {
            var parts = UrnParts.TryParse(urn)!.Value;
            Identity = (parts.Stack, parts.Project);
            _prefix = $"urn:pulumi:{parts.Stack}::{parts.Project}::";
        }
        else if (!urn.StartsWith(_prefix, StringComparison.Ordinal))
        {
            var parts = UrnParts.TryParse(urn)!.Value;
            throw c.Source.Error($"{what}s belong to several stacks ({Identity.Stack}/{Identity.Project} and {parts.Stack}/{parts.Project}); " +
                                 "expected one stack");
        }
    }

    /// <summary>Refuses a parent chain that returns to where it started (each resource is visited once: linear).</summary>
    public void CheckParents(string source)
    {
        // 0 = not visited, 1 = on the chain being followed, 2 = known to reach a root.
        var state = new byte[_nodes.Count];
        var chain = new List<int>();
        for (var start = 0; start < _nodes.Count; start++)
        {
            chain.Clear();
            var at = start;
            while (at >= 0 && state[at] == 0)
            {
                state[at] = 1;
                chain.Add(at);
                at = _nodes[at].Parent is { } parent && _index.TryGetValue(parent, out var p) ? p : -1;
            }
            if (at >= 0 && state[at] == 1)
            {
                var loop = chain.Skip(chain.IndexOf(at)).Select(i => _nodes[i].Name).Append(_nodes[at].Name);
                throw new ArtifactLoadException(source,
                    $"the parent chain of \"{_nodes[at].Urn}\" returns to it ({string.Join(" → ", loop)}); a resource cannot be its own ancestor",
                    jsonPath: pathOf(_items[at]) + ".parent");
            }
            foreach (var i in chain) state[i] = 2;
        }
    }
}
