using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Enclave.Policy.Graph;

/// <summary>Which artifact a graph was loaded from; reports name it so a reader knows what was checked.</summary>
public enum GraphOrigin
{
    /// <summary>The program run in-process under the SDK mock engine (offline plan).</summary>
    Program,
    /// <summary>A plan document written by <c>enclave plan --format json</c>.</summary>
    Plan,
    /// <summary><c>pulumi preview --json</c> (the new state of every step).</summary>
    Preview,
    /// <summary><c>pulumi stack export</c> or a file-backend checkpoint (what is deployed).</summary>
    State,
}

/// <summary>
/// The resources of one stack with indexes rules need: by URN, by type, by known id, children by parent.
/// Immutable; built once per artifact.
/// </summary>
public sealed class ResourceGraph
{
    // URN -> index in Resources (the first of duplicates): also each URN's place in ordinal order.
    private readonly Dictionary<string, int> _position;
    private readonly Dictionary<string, ResourceNode[]> _byType;
    // Made on first use: no rule asks for children, and hashing every parent URN costs a graph of 100k resources ~10 ms.
    private ILookup<string, ResourceNode>? _byParent;
    private readonly Dictionary<string, ResourceNode> _byId;

    public ResourceGraph(string stack, string project, GraphOrigin origin, IEnumerable<ResourceNode> resources,
        string? source = null)
    {
        Stack = stack;
        Project = project;
        Origin = origin;
        Source = source;
        Resources = SortByUrn(resources);
        _position = new Dictionary<string, int>(Resources.Length, StringComparer.Ordinal);
        for (var i = 0; i < Resources.Length; i++)
            if (!_position.TryAdd(Resources[i].Urn, i)) HasDuplicateUrns = true;
        _byType = ByType(Resources);
        _byId = new Dictionary<string, ResourceNode>(Resources.Length, StringComparer.Ordinal);
        foreach (var r in Resources)
            if (r.Id.AsString() is { Length: > 0 } id) _byId.TryAdd(id, r);
    }

    public string Stack { get; }
    public string Project { get; }

    /// <summary>
    /// This graph under the stack and project a user named, for an artifact whose URNs cannot name them (an export of a
    /// stack with no resources, a preview with no steps): reports then say which stack they judged instead of "".
    /// A graph that already names its stack is returned as it is; the caller checks that the names agree.
    /// </summary>
    public ResourceGraph Named(string stack, string project) =>
        Stack.Length > 0 ? this
        : new ResourceGraph(stack, project, Origin, Resources, Source)
        {
            Fabricated = Fabricated, Unjudged = Unjudged, Removed = Removed, Prior = Prior, InputBytes = InputBytes,
        };
    public GraphOrigin Origin { get; }
    /// <summary>File or command the graph came from, for messages.</summary>
    public string? Source { get; }
    /// <summary>
    /// Bytes of the file the graph was read from (set by the loader; null for a graph made otherwise): what the rules'
    /// findings may keep is bounded by it (<see cref="Engine.FindingBudget"/>).
    /// </summary>
    public long? InputBytes { get; internal set; }

    /// <summary>All resources, sorted by URN (deterministic order for every report).</summary>
    public ImmutableArray<ResourceNode> Resources { get; }

    /// <summary>
    /// Set when the values a cloud would assign (ids, computed outputs, data-source answers, dates from the clock)
    /// are stand-ins made by an offline run (or read back from its plan): reports show them as references,
    /// lookups and clock expressions, never as the stand-ins. Null for artifacts of a real cloud.
    /// </summary>
    public FabricatedValues? Fabricated { get; init; }

    /// <summary>
    /// Resources the state says exist in the cloud that are not part of the stack's graph, so no rule can judge them:
    /// a replaced resource still awaiting deletion (<c>delete: true</c>), or the resource of an operation that was
    /// interrupted (<c>pending_operations</c>). ENC-GOV-031 fails on each; empty for previews and offline runs.
    /// </summary>
    public ImmutableArray<UnjudgedResource> Unjudged { get; init; } = [];

    /// <summary>
    /// Resources the update deletes or replaces (a preview's or event log's <c>delete</c>, <c>replace</c>,
    /// <c>create-replacement</c> and <c>delete-replaced</c> steps): the after-graph cannot show what is lost, so
    /// ENC-GOV-070 reads it here. Empty for states and offline runs.
    /// </summary>
    public ImmutableArray<RemovedResource> Removed { get; init; } = [];

    /// <summary>
    /// The state before the update of each resource a preview updates in place (its <c>update</c> step's old state), by
    /// URN: what the gate could read before the change, so a value the change makes unknown is told from one the cloud
    /// has never computed (ENC-GOV-093). Empty for states, plans and offline runs.
    /// </summary>
    public ImmutableDictionary<string, ResourceNode> Prior { get; init; } = ImmutableDictionary<string, ResourceNode>.Empty;

    /// <summary>
    /// Do two resources share a URN (a hostile or broken artifact)? When not, a URN's position is its resource's own
    /// index, and the report's ordering need not compare neighbouring URNs' characters to find the first of equal ones.
    /// </summary>
    internal bool HasDuplicateUrns { get; }

    public ResourceNode? ByUrn(string urn) => _position.TryGetValue(urn, out var i) ? Resources[i] : null;

    /// <summary>
    /// The index in <see cref="Resources"/> of the resource with this URN (the first, should there be duplicates),
    /// which is also the URN's place in ordinal order among the graph's URNs; -1 when the graph has no such URN.
    /// </summary>
    public int PositionOf(string urn) => _position.TryGetValue(urn, out var i) ? i : -1;

    /// <summary>Ordinal order of URNs, stable for equal ones (<see cref="UrnOrder"/>: URNs share long prefixes).</summary>
    private static ImmutableArray<ResourceNode> SortByUrn(IEnumerable<ResourceNode> resources) =>
        ImmutableCollectionsMarshal.AsImmutableArray(UrnOrder.Sort(resources switch
        {
            // Read in place (the sort makes a new array): no copy of a large input.
            ResourceNode[] array => array,
            ImmutableArray<ResourceNode> immutable when !immutable.IsDefault => ImmutableCollectionsMarshal.AsArray(immutable)!,
            _ => resources.ToArray(),
        }));

    public IEnumerable<ResourceNode> OfType(string token) => _byType.GetValueOrDefault(token) ?? [];

    /// <summary>
    /// The resources of each type, in graph order. URNs hold their type and sort by it, so a type's resources are
    /// mostly one run of the sorted array: its type is hashed once per run, not once per resource (a resource whose
    /// URN disagrees with its type only starts another run, appended in order).
    /// </summary>
    private static Dictionary<string, ResourceNode[]> ByType(ImmutableArray<ResourceNode> resources)
    {
        var runs = new Dictionary<string, List<ResourceNode>>(StringComparer.Ordinal);
        for (int start = 0, end; start < resources.Length; start = end)
        {
            var type = resources[start].Type;
            for (end = start + 1; end < resources.Length && SameType(resources[end].Type, type); end++) { }
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(runs, type, out _);
            (list ??= new List<ResourceNode>(end - start)).AddRange(resources.AsSpan(start, end - start));
        }
        var byType = new Dictionary<string, ResourceNode[]>(runs.Count, StringComparer.Ordinal);
        foreach (var (type, list) in runs) byType[type] = [.. list];
        return byType;
    }

    private static bool SameType(string a, string b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);

    // Two threads may both build it: the same lookup either way, and the write of a reference is atomic.
    public IEnumerable<ResourceNode> ChildrenOf(string urn) =>
        (_byParent ??= Resources.Where(r => r.Parent is not null).ToLookup(r => r.Parent!, StringComparer.Ordinal))[urn];

    /// <summary>The resource whose provider id is <paramref name="id"/>, if any.</summary>
    public ResourceNode? ById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Does <paramref name="from"/>'s input <paramref name="key"/> (whose value at <paramref name="path"/> holds
    /// <paramref name="value"/>) refer to <paramref name="target"/>? True when the value is the target's known id
    /// or a reference to it; when the value is unknown, the property dependencies decide (True if the input came
    /// from the target, Unknown otherwise, since an unknown could be anything).
    /// </summary>
    public Truth RefersTo(ResourceNode from, string key, PropertyValue value, ResourceNode target)
    {
        switch (value)
        {
            case ResourceRefValue rr:
                return TruthLogic.Of(rr.Urn == target.Urn);
            case StringValue s:
                if (target.Id.AsString() is { } id) return TruthLogic.Of(s.Value == id);
                return from.InputDependsOn(key, target.Urn) ? Truth.True : Truth.Unknown;
            case UnknownValue:
                if (from.InputDependsOn(key, target.Urn)) return Truth.True;
                return from.PropertyDependencies.ContainsKey(key) ? Truth.False : Truth.Unknown;
            case SecretValue:
                return Truth.Unknown;
            default:
                return Truth.False;
        }
    }
}

/// <summary>A resource that exists (or may exist) in the cloud but is not part of the judged graph, and why.</summary>
public sealed record UnjudgedResource(string Urn, string Type, string Why);

/// <summary>A resource an update deletes or replaces, with the step operation that says so.</summary>
public sealed record RemovedResource(string Urn, string Type, string Operation);
