using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Which of the stack's network sources an entry of an authentication policy's <c>networkPolicy.networkSourceIds</c>
/// names, shared by the rules that judge the sign-in network policy (ENC-IDN-110, ENC-IDN-091).
/// </summary>
internal static class SignInNetworks
{
    private const string Key = "networkPolicy";

    /// <summary>
    /// The authentication policy's list as both rules read it: secret, not known until deploy, or known and resolved
    /// entry by entry (<see cref="Resolve"/>) against the stack's network sources.
    /// </summary>
    public readonly record struct Reading(
        PropertyValue Ids, List<(PropertyValue Id, Truth Named, ResourceNode? Match)> Entries, List<ResourceNode> Candidates)
    {
        public bool IsSecret => Ids.IsSecret;
        public bool IsKnown => !Ids.IsSecret && Ids.IsKnown;
        /// <summary>Known and naming nothing: sign-in is not restricted by network.</summary>
        public bool IsEmpty => IsKnown && Entries.Count == 0;
    }

    /// <summary>Reads <c>networkPolicy.networkSourceIds</c> of <paramref name="policy"/> (the shared reading of ENC-IDN-091 and ENC-IDN-110).</summary>
    public static Reading Read(ResourceGraph graph, ResourceNode policy, IReadOnlyList<ResourceNode> sources)
    {
        var network = policy.Input(Key);
        var ids = network.IsKnown ? network["networkSourceIds"] : network;
        if (ids.IsSecret || !ids.IsKnown) return new Reading(ids, [], []);
        var (entries, candidates) = Resolve(graph, policy, ids.AsList(), sources);
        return new Reading(ids, entries, candidates);
    }

    /// <summary>
    /// Records in <paramref name="a"/> that the list cannot be read (secret: a violation; not known until deploy:
    /// undetermined); true when it can, and the caller judges its entries.
    /// </summary>
    public static bool Readable(Assessment a, Reading reading, string secretWhy)
    {
        if (reading.IsSecret) a.Require(Truth.False, "its network sources are readable", whenViolated: secretWhy);
        else if (!reading.IsKnown) a.Require(Truth.Unknown, "its network sources are known (only at deploy)");
        return reading.IsKnown;
    }

    /// <summary>
    /// Per entry of the list, the stack's network source it names (certainly), else whether it may name one; and the
    /// network sources the list's unknown entries may name. A known id or reference names what it names. An entry a
    /// preview shows as unknown can only be one of the network sources the list was built from (its recorded lineage)
    /// that no known entry already names: the program's list refers to each of its network sources once, so the engine
    /// records them. Unknown entries outnumbering those sources include one the change's author fills in at deploy (the
    /// parent company's network source, say): then none of them counts as the stack's.
    /// </summary>
    private static (List<(PropertyValue Id, Truth Named, ResourceNode? Match)> Entries, List<ResourceNode> Candidates) Resolve(
        ResourceGraph graph, ResourceNode policy, IEnumerable<PropertyValue> ids, IReadOnlyList<ResourceNode> sources)
    {
        var entries = new List<(PropertyValue Id, Truth Named, ResourceNode? Match)>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var unknowns = 0;
        foreach (var id in ids)
        {
            if (id is UnknownValue) { unknowns++; entries.Add((id, Truth.Unknown, null)); continue; }
            var named = Truth.False;
            ResourceNode? match = null;
            foreach (var source in sources)
            {
                var identifies = References.Identifies(graph, policy, Key, id, source);
                if (identifies == Truth.True) { match = source; named = Truth.True; matched.Add(source.Urn); break; }
                named = named.Or(identifies);
            }
            entries.Add((id, named, match));
        }
        var lineage = policy.PropertyDependencies.TryGetValue(Key, out var deps) ? deps : [];
        var candidates = sources.Where(s => lineage.Contains(s.Urn) && !matched.Contains(s.Urn)).ToList();
        if (unknowns > candidates.Count)
        {
            candidates.Clear();
            for (var i = 0; i < entries.Count; i++)
                if (entries[i].Id is UnknownValue) entries[i] = (entries[i].Id, Truth.False, null);
        }
        else if (unknowns == candidates.Count)
        {
            // As many as the sources left: each names one of them (the program names each once, as a preview of its
            // first deployment shows), so the list names exactly those.
            var next = 0;
            for (var i = 0; i < entries.Count; i++)
                if (entries[i].Id is UnknownValue) entries[i] = (entries[i].Id, Truth.True, candidates[next++]);
        }
        return (entries, candidates);
    }

    /// <summary>
    /// Is <paramref name="source"/> a network of <paramref name="cidrs"/> only: public ranges, at least one, each inside
    /// them, no VCN ranges and no services (a VCN or service entry lets requests in from places no CIDR pins).
    /// </summary>
    public static Truth Inside(ResourceNode source, IEnumerable<string> cidrs)
    {
        var publics = source.Input("publicSourceLists");
        var virtuals = source.Input("virtualSourceLists");
        var services = source.Input("services");
        if (!virtuals.IsNull && (!virtuals.IsKnown || virtuals.AsList().Length > 0))
            return virtuals.IsKnown ? Truth.False : Truth.Unknown;
        if (!services.IsNull && (!services.IsKnown || services.AsList().Length > 0))
            return services.IsKnown ? Truth.False : Truth.Unknown;
        if (!publics.IsKnown) return Truth.Unknown;
        var ranges = publics.AsList();
        if (ranges.Length == 0) return Truth.False;
        var inside = Truth.True;
        foreach (var range in ranges) inside = inside.And(Cidr.WithinAny(range, cidrs));
        return inside;
    }

    /// <summary>How an entry shows in a message: its OCID, the URN it refers to, or that it is computed.</summary>
    public static string Shown(PropertyValue id) => id.AsString() ?? (id is ResourceRefValue r ? r.Urn : "(computed)");
}
