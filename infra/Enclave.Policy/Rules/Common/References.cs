using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// Correlates resources by the values of their inputs, also when ids are not known yet (a preview of new
/// resources): then the input's property dependencies decide, and only when they single out the target.
/// </summary>
public static class References
{
    /// <summary>
    /// Does <paramref name="value"/>, found under top-level input <paramref name="key"/> of <paramref name="from"/>,
    /// identify <paramref name="target"/>?
    /// <list type="bullet">
    /// <item>A resource reference: exactly when its URN is the target's.</item>
    /// <item>A known string: compared with the target's known identifiers (its id, or e.g. a bucket's name). When none
    /// is known yet the string cannot be the target's (an id assigned at deploy cannot already be written down), even
    /// when the artifact records the input as built from the target: lineage vouches for unknowns only.</item>
    /// <item>An unknown value: True when the input's dependencies among resources of <paramref name="candidateTypes"/>
    /// (default: the target's type) are the target alone; Unknown when the target is one of several or no
    /// dependencies are recorded; False when they are recorded and exclude the target.</item>
    /// <item>A secret: Unknown.</item>
    /// </list>
    /// </summary>
    public static Truth Identifies(ResourceGraph graph, ResourceNode from, string key, PropertyValue value, ResourceNode target,
        IReadOnlyCollection<string>? candidateTypes = null, params ReadOnlySpan<PropertyValue> identifiers)
    {
        switch (value)
        {
            case ResourceRefValue r:
                return TruthLogic.Of(r.Urn == target.Urn);
            case StringValue s:
            {
                if (identifiers.Length == 0)
                {
                    if (target.Id.AsString() is { } id && id == s.Value) return Truth.True;
                }
                else
                    foreach (var identifier in identifiers)
                        if (identifier.AsString() is { } text && text == s.Value) return Truth.True;
                // Lineage vouches only for a value not known yet: a known string names what it says. A preview that
                // records a known string as built from a resource without an id is hand-edited (an id assigned at
                // deploy cannot already be written down), and trusting it would pass any foreign OCID.
                return Truth.False;
            }
            case UnknownValue:
            {
                if (!from.PropertyDependencies.TryGetValue(key, out var deps)) return Truth.Unknown;
                if (!deps.Contains(target.Urn)) return Truth.False;
                // A rival: another dependency of a type the value could name (by default, the target's type).
                foreach (var urn in deps)
                    if (urn != target.Urn && graph.ByUrn(urn) is { } n &&
                        (candidateTypes is null ? n.Type == target.Type : candidateTypes.Contains(n.Type)))
                        return Truth.Unknown;
                return Truth.True;
            }
            case SecretValue:
                return Truth.Unknown;
            default:
                return Truth.False;
        }
    }

    /// <summary>
    /// Does the value identify any resource of <paramref name="targets"/>? (OR over them.) A target equal to
    /// <paramref name="except"/> (as records compare, e.g. the resource itself) is not one of them.
    /// </summary>
    public static Truth IdentifiesAny(ResourceGraph graph, ResourceNode from, string key, PropertyValue value,
        IEnumerable<ResourceNode> targets, IReadOnlyCollection<string>? candidateTypes = null, ResourceNode? except = null)
    {
        // Same answer as asking every target, without the scan: a known id resolves through the graph's id index, an
        // unknown value can only name the resources its input was built from, a reference only the targets with its
        // URN, and what names nothing (a secret, an unknown without lineage, a number…) gives every target one answer.
        switch (value)
        {
            case StringValue s:
                // A known string is an id of a target or nothing of theirs; its recorded lineage is never asked (see Identifies).
                return TruthLogic.Of(graph.ById(s.Value) is { } hit && IsTarget(targets, hit, except));
            case UnknownValue when from.PropertyDependencies.TryGetValue(key, out var unknownDeps):
                var result = Truth.False;
                foreach (var urn in unknownDeps)
                    if (graph.ByUrn(urn) is { } dep && IsTarget(targets, dep, except))
                        result = result.Or(Identifies(graph, from, key, value, dep, candidateTypes));
                return result;
            case ResourceRefValue r when targets is NodeSet set:
                foreach (var named in set.WithUrn(r.Urn))
                    if (except is null || Differs(named, except)) return Truth.True;
                return Truth.False;
            case SecretValue or UnknownValue when targets is NodeSet set:
                // Identifies answers Unknown for every target (an unknown here has no recorded lineage).
                foreach (var target in set)
                    if (except is null || Differs(target, except)) return Truth.Unknown;
                return Truth.False;
            case NullValue or BoolValue or NumberValue or ListValue or MapValue:
                return Truth.False;  // Identifies answers False for every target
            default:
                var any = Truth.False;
                foreach (var target in targets)
                {
                    if (except is not null && !Differs(target, except)) continue;
                    any = any.Or(Identifies(graph, from, key, value, target, candidateTypes));
                    if (any == Truth.True) break;
                }
                return any;
        }
    }

    /// <summary>A set of nodes by identity, for repeated <see cref="IdentifiesAny"/>/<see cref="Resolve"/> calls over the same targets.</summary>
    public static NodeSet Set(IEnumerable<ResourceNode> nodes) => new(nodes);

    private static bool IsTarget(IEnumerable<ResourceNode> targets, ResourceNode node, ResourceNode? except) =>
        Contains(targets, node) && (except is null || Differs(node, except));

    /// <summary>
    /// <c>a != b</c> as records compare, deciding by reference and type first: records of different types are different
    /// records, and the caller has just read both types, while the generated comparison starts with the URNs, whose
    /// characters are a trip to memory per resource on a large graph (ENC-GOV-021 asks it of every resource).
    /// </summary>
    private static bool Differs(ResourceNode a, ResourceNode b) =>
        !ReferenceEquals(a, b) && (!string.Equals(a.Type, b.Type, StringComparison.Ordinal) || a != b);

    /// <summary>Membership by reference: nodes are records, and structural equality would compare whole input trees.</summary>
    private static bool Contains(IEnumerable<ResourceNode> targets, ResourceNode node)
    {
        if (targets is HashSet<ResourceNode> set) return set.Contains(node);
        if (targets is List<ResourceNode> list)
        {
            foreach (var t in list)
                if (ReferenceEquals(t, node)) return true;
            return false;
        }
        foreach (var t in targets)
            if (ReferenceEquals(t, node)) return true;
        return false;
    }

    /// <summary>The resources of <paramref name="targets"/> the value certainly identifies (each once, lazily).</summary>
    public static IEnumerable<ResourceNode> Resolve(ResourceGraph graph, ResourceNode from, string key, PropertyValue value,
        IEnumerable<ResourceNode> targets, IReadOnlyCollection<string>? candidateTypes = null)
    {
        // What was already returned, to return each resource once; most callers stop at the first.
        ResourceNode? first = null;
        List<ResourceNode>? others = null;
        foreach (var candidate in Candidates(graph, from, key, value, targets))
        {
            if (!Contains(targets, candidate) || Identifies(graph, from, key, value, candidate, candidateTypes) != Truth.True) continue;
            if (first is null) first = candidate;
            else if (ReferenceEquals(first, candidate) || (others is not null && Contains(others, candidate))) continue;
            else (others ??= []).Add(candidate);
            yield return candidate;
        }
    }

    /// <summary>
    /// Only the id's owner or the input's dependencies can be named: those, instead of every target (for a reference,
    /// the resource it names; for a secret, nothing can be told, so every target).
    /// </summary>
    public static IEnumerable<ResourceNode> Candidates(ResourceGraph graph, ResourceNode from, string key, PropertyValue value,
        IEnumerable<ResourceNode> targets)
    {
        switch (value)
        {
            case StringValue s:
                if (graph.ById(s.Value) is { } hit) yield return hit;
                // A dependency whose id is not known yet may be the one the string names.
                if (from.PropertyDependencies.TryGetValue(key, out var deps))
                    foreach (var urn in deps)
                        if (graph.ByUrn(urn) is { } dep && dep.Id.AsString() is null) yield return dep;
                break;
            case UnknownValue:
                if (from.PropertyDependencies.TryGetValue(key, out var unknownDeps))
                    foreach (var urn in unknownDeps)
                        if (graph.ByUrn(urn) is { } dep) yield return dep;
                break;
            case ResourceRefValue r:
                if (graph.ByUrn(r.Urn) is { } named) yield return named;
                break;
            default:
                foreach (var target in targets) yield return target;
                break;
        }
    }
}
