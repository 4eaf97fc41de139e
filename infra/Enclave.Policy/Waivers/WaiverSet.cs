using System.Collections.Immutable;

namespace Enclave.Policy.Waivers;

/// <summary>The waivers of one waiver file (or none). Matching is first-listed-wins among unexpired waivers.</summary>
public sealed class WaiverSet
{
    public static readonly WaiverSet Empty = new([], null);

    public WaiverSet(IEnumerable<Waiver> waivers, string? source)
    {
        Waivers = waivers.ToImmutableArray();
        Source = source;
    }

    public ImmutableArray<Waiver> Waivers { get; }
    /// <summary>The file the waivers came from.</summary>
    public string? Source { get; }

    /// <summary>
    /// The waivers that may suppress findings on <paramref name="graph"/>: all but those whose URN glob matches more
    /// than one of its resources without saying so (ENC-GOV-901 fails those).
    /// </summary>
    public WaiverSet UsableOn(Graph.ResourceGraph graph)
    {
        if (Waivers.IsEmpty) return this;
        var usable = Waivers.Where(w => w.MatchesMany || Matched(w, graph, 2).Count < 2).ToList();
        return usable.Count == Waivers.Length ? this : new WaiverSet(usable, Source);
    }

    /// <summary>
    /// The first <paramref name="max"/> resources of <paramref name="graph"/> whose URN the waiver's glob matches, in
    /// graph order. An exact URN is looked up (the resources of the URNs the waivers name are gathered in one pass per
    /// graph) instead of compared with every resource: waivers × resources was minutes for a large state.
    /// </summary>
    public IReadOnlyList<Graph.ResourceNode> Matched(Waiver waiver, Graph.ResourceGraph graph, int max)
    {
        if (!UrnGlob.HasWildcard(waiver.UrnPattern))
        {
            // A class, read and written whole: rules may run in parallel, and a torn pair would mix two graphs.
            var named = _named is { } held && ReferenceEquals(held.Graph, graph) ? held.ByUrn : (_named = new NamedUrns(graph, Named(graph))).ByUrn;
            return named.TryGetValue(waiver.UrnPattern, out var list) ? list.Take(max).ToList() : [];
        }
        var matched = new List<Graph.ResourceNode>(max);
        foreach (var r in graph.Resources)
            if (waiver.MatchesUrn(r.Urn))
            {
                matched.Add(r);
                if (matched.Count == max) break;
            }
        return matched;
    }

    private NamedUrns? _named;

    private sealed record NamedUrns(Graph.ResourceGraph Graph, Dictionary<string, List<Graph.ResourceNode>> ByUrn);

    private Dictionary<string, List<Graph.ResourceNode>> Named(Graph.ResourceGraph graph)
    {
        var urns = Waivers.Where(w => !UrnGlob.HasWildcard(w.UrnPattern)).Select(w => w.UrnPattern).ToHashSet(StringComparer.Ordinal);
        var byUrn = new Dictionary<string, List<Graph.ResourceNode>>(StringComparer.Ordinal);
        foreach (var r in graph.Resources)
            if (urns.Contains(r.Urn))
            {
                if (!byUrn.TryGetValue(r.Urn, out var list)) byUrn[r.Urn] = list = [];
                list.Add(r);
            }
        return byUrn;
    }

    /// <summary>
    /// The unexpired waiver covering this rule and resource, if any: the first listed. Waivers are indexed by rule and,
    /// for exact URNs, by URN, so a finding costs a lookup plus the wildcard globs of its rule listed before the exact
    /// match (a scan of every waiver per finding was waivers × findings: minutes for a large state).
    /// </summary>
    public Waiver? Find(string ruleId, string urn, DateOnly today)
    {
        if (Waivers.IsEmpty || !Index.TryGetValue(ruleId, out var forRule)) return null;
        Waiver? exact = null;
        var exactAt = int.MaxValue;
        if (forRule.Exact.TryGetValue(urn, out var named))
            foreach (var (at, w) in named)
                if (!w.IsExpired(today))
                {
                    (exact, exactAt) = (w, at);
                    break;
                }
        foreach (var (at, w) in forRule.Wildcard)
        {
            if (at > exactAt) break;
            if (!w.IsExpired(today) && w.MatchesUrn(urn)) return w;
        }
        return exact;
    }

    private Dictionary<string, RuleWaivers> Index => _index ??= BuildIndex();
    private Dictionary<string, RuleWaivers>? _index;

    private Dictionary<string, RuleWaivers> BuildIndex()
    {
        var index = new Dictionary<string, RuleWaivers>(StringComparer.Ordinal);
        for (var i = 0; i < Waivers.Length; i++)
        {
            var w = Waivers[i];
            if (!index.TryGetValue(w.Rule, out var forRule)) index[w.Rule] = forRule = new RuleWaivers();
            if (UrnGlob.HasWildcard(w.UrnPattern)) forRule.Wildcard.Add((i, w));
            else if (forRule.Exact.TryGetValue(w.UrnPattern, out var named)) named.Add((i, w));
            else forRule.Exact[w.UrnPattern] = [(i, w)];
        }
        return index;
    }

    /// <summary>One rule's waivers in file order: by exact URN, and those with a wildcard.</summary>
    private sealed class RuleWaivers
    {
        public Dictionary<string, List<(int At, Waiver Waiver)>> Exact { get; } = new(StringComparer.Ordinal);
        public List<(int At, Waiver Waiver)> Wildcard { get; } = [];
    }
}
