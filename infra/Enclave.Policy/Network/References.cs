using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>
/// What a reference input points at: a resource of the graph, an id of something outside the stack, or
/// (both null) something not known until deploy. <see cref="Certainty"/> is Unknown when the graph only says
/// "one of these" (an unknown value whose input came from several resources).
/// </summary>
public readonly record struct Ref(ResourceNode? Node, string? ExternalId, Truth Certainty)
{
    public static readonly Ref Unknown = new(null, null, Truth.Unknown);

    public bool IsUnknown => Node is null && ExternalId is null;

    /// <summary>Identity used to match references to each other (URN inside the stack, OCID outside it).</summary>
    public string? Key => Node?.Urn ?? ExternalId;

    /// <summary>Hop label: the logical name, or the outside id.</summary>
    public string Label => Node?.Name ?? ExternalId ?? "(known after apply)";
}

/// <summary>
/// Resolves id-valued inputs to resources. A known id is looked up by id; an unknown one (a preview of resources
/// not yet created) falls back to the input's property dependencies, which say which resources it came from.
/// </summary>
public sealed class ReferenceResolver(ResourceGraph graph)
{
    public ResourceGraph Graph => graph;

    /// <summary>A single reference held in <paramref name="value"/>, found under top-level input <paramref name="key"/>.</summary>
    /// <remarks>An array, so that the many loops over it enumerate without allocating.</remarks>
    public Ref[] One(ResourceNode from, string key, PropertyValue value, Func<ResourceNode, bool> accepts)
    {
        switch (value)
        {
            case NullValue:
                return [];
            case StringValue s:
                return [Known(s.Value)];
            case ResourceRefValue r:
                var byUrn = graph.ByUrn(r.Urn);
                return [byUrn is not null ? new Ref(byUrn, null, Truth.True) : r.Id is { } id ? Known(id) : new Ref(null, r.Urn, Truth.True)];
            default:
                var candidates = FromDependencies(from, key, accepts);
                return candidates.Count switch
                {
                    0 => [Ref.Unknown],
                    1 => [new Ref(candidates[0], null, Truth.True)],
                    _ => candidates.Select(c => new Ref(c, null, Truth.Unknown)).ToArray(),
                };
        }
    }

    /// <summary>
    /// The set of references in list input <paramref name="key"/> (e.g. <c>securityListIds</c>, <c>nsgIds</c>).
    /// Unknown elements are the resources the input depends on (membership is certain: they fed the list).
    /// </summary>
    public IReadOnlyList<Ref> Many(ResourceNode from, string key, Func<ResourceNode, bool> accepts)
    {
        var value = from[key];
        if (value.IsNull) return [];
        var result = new List<Ref>();
        var sawUnknown = !value.IsKnown;
        foreach (var item in value.AsList())
        {
            switch (item)
            {
                case StringValue s: result.Add(Known(s.Value)); break;
                case ResourceRefValue r: result.AddRange(One(from, key, r, accepts)); break;
                case NullValue: break;
                default: sawUnknown = true; break;
            }
        }
        if (sawUnknown)
        {
            var fed = FromDependencies(from, key, accepts);
            foreach (var node in fed)
                if (!result.Any(r => ReferenceEquals(r.Node, node))) result.Add(new Ref(node, null, Truth.True));
            if (fed.Count == 0) result.Add(Ref.Unknown);
        }
        return result;
    }

    private Ref Known(string id) => graph.ById(id) is { } node ? new Ref(node, null, Truth.True) : new Ref(null, id, Truth.True);

    private List<ResourceNode> FromDependencies(ResourceNode from, string key, Func<ResourceNode, bool> accepts)
    {
        var list = new List<ResourceNode>();
        if (!from.PropertyDependencies.TryGetValue(key, out var urns)) return list;
        foreach (var urn in urns)
            if (graph.ByUrn(urn) is { } node && accepts(node) && !list.Exists(n => ReferenceEquals(n, node))) list.Add(node);
        return list;
    }
}
