using System.Collections.Immutable;

namespace Enclave.Policy.Waivers;

/// <summary>The waivers of one waiver file (or none). Matching is first-listed-wins among unexpired waivers.</summary>
public sealed class WaiverSet
{
    public static readonly WaiverSet Empty = new([], null);

    public WaiverSet(IEnumerable<Waiver> waivers, string? source) : this(waivers.ToImmutableArray(), source, null) { }

    private WaiverSet(ImmutableArray<Waiver> waivers, string? source, GlobWork? work)
    {
        Waivers = waivers;
        Source = source;
        _work = work;
    }

    /// <summary>
    /// The same waivers with a fresh glob-matching budget (<see cref="GlobWorkBudget"/>) for one judgement, shared by
    /// <see cref="UsableOn"/>'s set: a long-lived process (the policy pack) judges many graphs with one file.
    /// </summary>
    /// <exception cref="Enclave.Policy.Inputs.InputLimitException">The budget variable is not a positive count.</exception>
    public WaiverSet ForJudgement() => ForJudgement(GlobWorkBudget.MaxSteps);

    /// <param name="maxSteps">The budget (<see cref="GlobWorkBudget"/>) instead of the one in force.</param>
    public WaiverSet ForJudgement(long maxSteps) =>
        Waivers.IsEmpty ? this : new WaiverSet(Waivers, Source, new GlobWork(maxSteps, Source));

    // Null outside a judgement (tests, tools): matching is then uncounted.
    private readonly GlobWork? _work;

    /// <summary>Whether the waiver's glob matches the URN, its steps charged to the judgement's budget.</summary>
    /// <exception cref="WaiverWorkLimitException">The budget is spent.</exception>
    private bool Covers(Waiver waiver, string urn)
    {
        var matched = UrnGlob.Matches(waiver.UrnPattern, urn, out var steps);
        _work?.Charge(steps);
        return matched;
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
        var usable = Waivers.Where(w => w.MatchesMany || Matched(w, graph, 2).Count < 2).ToImmutableArray();
        return usable.Length == Waivers.Length ? this : new WaiverSet(usable, Source, _work);
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
        if (max > CachedMatches) return Scan(waiver, graph, max);
        // UsableOn (two matches) and ENC-GOV-901 (three) ask the same of each glob: one scan of the graph answers both.
        var cache = _globs is { } g && ReferenceEquals(g.Graph, graph) ? g : (_globs = new GlobMatches(graph, new()));
        return cache.Found.GetOrAdd(waiver, w => Scan(w, graph, CachedMatches)).Take(max).ToList();
    }

    private const int CachedMatches = 3;
    private GlobMatches? _globs;

    private sealed record GlobMatches(Graph.ResourceGraph Graph, System.Collections.Concurrent.ConcurrentDictionary<Waiver, List<Graph.ResourceNode>> Found);

    private List<Graph.ResourceNode> Scan(Waiver waiver, Graph.ResourceGraph graph, int max)
    {
        var matched = new List<Graph.ResourceNode>(max);
        foreach (var r in graph.Resources)
            if (Covers(waiver, r.Urn))
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
            if (!w.IsExpired(today) && Covers(w, urn)) return w;
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
