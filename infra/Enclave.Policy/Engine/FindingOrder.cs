using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Engine;

/// <summary>
/// The report order: rule id, then URN, then message (all ordinal), ties kept in the order the rules produced them.
/// Nothing here compares URN strings: the graph already holds its URNs in ordinal order, so a finding's URN rank is
/// its resource's position (URNs the graph lacks are merged in by <see cref="UrnRanks"/>). Findings are bucketed by
/// rule (a few dozen ids), each bucket is sorted by URN rank unless it already is (rules mostly walk the graph in
/// order), and messages are compared only where one rule says several things about one resource.
/// </summary>
internal static class FindingOrder
{
    public static ImmutableArray<ReportedFinding> Sort(IEnumerable<ReportedFinding> findings, ResourceGraph graph)
    {
        var items = findings.ToArray();
        return Sort(items, items.Length, graph);
    }

    /// <summary>The first <paramref name="count"/> of <paramref name="items"/> in report order.</summary>
    public static ImmutableArray<ReportedFinding> Sort(ReportedFinding[] items, int count, ResourceGraph graph)
    {
        // Scratch arrays are rented: at this size fresh ones would land on the large-object heap every run.
        using var urnRank = UrnRanks(graph, items, count);
        // Bucket by rule (a counting sort, stable), then order each bucket by key: URN rank, then position in
        // production order (keeps ties stable).
        var (ruleOf, starts) = RuleBuckets(items, count);
        using var keyBuffer = new PooledBuffer<long>(count);
        var keys = keyBuffer.Items.AsSpan(0, count);
        var next = (int[])starts.Clone();
        for (var i = 0; i < count; i++) keys[next[ruleOf.Items[i]]++] = ((long)urnRank.Items[i] << 32) | (uint)i;
        ruleOf.Dispose();
        var sorted = new ReportedFinding[count];
        for (var b = 0; b + 1 < starts.Length; b++)
        {
            var bucket = keys.Slice(starts[b], starts[b + 1] - starts[b]);
            if (!IsSorted(bucket)) bucket.Sort();
            for (var start = 0; start < bucket.Length;)
            {
                var end = start + 1;
                while (end < bucket.Length && bucket[end] >> 32 == bucket[start] >> 32) end++;
                if (end - start > 1) bucket[start..end].Sort(new ByMessage(items));
                start = end;
            }
        }
        for (var i = 0; i < count; i++) sorted[i] = items[(int)(uint)keys[i]];
        return ImmutableCollectionsMarshal.AsImmutableArray(sorted);
    }

    /// <summary>
    /// Each finding's rule rank (rule ids in ordinal order) and where each rule's bucket starts (one extra entry:
    /// the end of the last).
    /// </summary>
    private static (PooledBuffer<int> RuleOf, int[] Starts) RuleBuckets(ReportedFinding[] items, int count)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var buffer = new PooledBuffer<int>(count);
        var ruleOf = buffer.Items;
        string? lastId = null;
        var last = -1;
        for (var i = 0; i < count; i++)
        {
            // Rules emit their findings together, so the previous id is almost always the same string.
            var id = items[i].RuleId;
            if (!ReferenceEquals(id, lastId))
            {
                if (!ids.TryGetValue(id, out last)) ids[id] = last = ids.Count;
                lastId = id;
            }
            ruleOf[i] = last;
        }
        var order = ids.Keys.ToArray();
        Array.Sort(order, StringComparer.Ordinal);
        var rank = new int[order.Length];
        for (var r = 0; r < order.Length; r++) rank[ids[order[r]]] = r;
        var starts = new int[order.Length + 1];
        for (var i = 0; i < count; i++) starts[(ruleOf[i] = rank[ruleOf[i]]) + 1]++;
        for (var r = 1; r < starts.Length; r++) starts[r] += starts[r - 1];
        return (buffer, starts);
    }

    private static bool IsSorted(ReadOnlySpan<long> keys)
    {
        for (var i = 1; i < keys.Length; i++)
            if (keys[i] < keys[i - 1]) return false;
        return true;
    }

    private readonly struct ByMessage(ReportedFinding[] items) : IComparer<long>
    {
        public int Compare(long x, long y)
        {
            var c = FindingText.CompareOrdinal(items[(int)(uint)x].Text, items[(int)(uint)y].Text);
            return c != 0 ? c : x.CompareTo(y);
        }
    }

    /// <summary>
    /// Each finding URN's place in ordinal order among all URNs of the graph and the findings. A graph URN at
    /// position p ranks p plus the number of foreign URNs (findings about something the graph lacks) before it; a
    /// foreign URN ranks the number of graph URNs before it plus its place among the foreign ones. Rules walk the
    /// graph in order and name a resource with its node's own URN string, so the previous finding's resource and the
    /// one after it are tried by instance first (no hashing of a hundred characters per finding), the graph's index only
    /// for other URNs: a rule's findings jump there once per run of same-typed resources, a few thousand times per
    /// report. Only a report whose findings jump far more often than that (a rule walking the graph out of order)
    /// gets a map of every URN by instance (<see cref="ByInstance"/>): made for every report, that map was a
    /// large-object array per run, and large-object churn is what triggers full collections.
    /// </summary>
    private static PooledBuffer<int> UrnRanks(ResourceGraph graph, ReportedFinding[] items, int count)
    {
        var resources = graph.Resources;
        var buffer = new PooledBuffer<int>(count);
        var ranks = buffer.Items;
        SortedSet<string>? foreign = null;
        Dictionary<string, int>? byInstance = null;
        int lastPosition = -1, lastRank = -1;
        // Hashing a URN costs about what entering one in the map by instance costs: past this many jumps, the map pays.
        var hashedJumps = resources.Length / 4;
        // Without equal URNs in the graph, a URN's position is its resource's index: no characters compared.
        var duplicates = graph.HasDuplicateUrns;
        for (var i = 0; i < count; i++)
        {
            var urn = items[i].Urn;
            int rank;
            if (lastPosition >= 0 && ReferenceEquals(urn, resources[lastPosition].Urn)) rank = lastRank;
            else if (lastPosition + 1 < resources.Length && ReferenceEquals(urn, resources[lastPosition + 1].Urn))
            {
                // Equal URNs (sorted, so adjacent) share the first one's position, as PositionOf answers.
                var next = lastPosition + 1;
                rank = duplicates && lastPosition >= 0 && string.Equals(resources[lastPosition].Urn, urn, StringComparison.Ordinal) ? lastRank : next;
                lastPosition = next;
                lastRank = rank;
            }
            else if ((byInstance ??= hashedJumps-- > 0 ? null : ByInstance(resources, duplicates)) is { } map && map.TryGetValue(urn, out rank)
                     || (rank = graph.PositionOf(urn)) >= 0)
            {
                lastPosition = rank;
                lastRank = rank;
            }
            ranks[i] = rank;
            if (rank < 0) (foreign ??= new SortedSet<string>(StringComparer.Ordinal)).Add(urn);
        }
        if (foreign is null) return buffer;

        var shift = new int[resources.Length];
        var foreignRank = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var urn in foreign)
        {
            var before = LowerBound(resources, urn);
            foreignRank[urn] = before + index++;
            if (before < shift.Length) shift[before]++;
        }
        for (var p = 1; p < shift.Length; p++) shift[p] += shift[p - 1];
        for (var i = 0; i < count; i++)
            ranks[i] = ranks[i] >= 0 ? ranks[i] + shift[ranks[i]] : foreignRank[items[i].Urn];
        return buffer;
    }

    /// <summary>
    /// Each graph URN's position (the first of equal ones, as <see cref="ResourceGraph.PositionOf"/> answers), keyed by
    /// the string instance: a rule that walks one type of resource names them in order but not next to each other in
    /// the graph, and hashing a hundred-character URN per finding cost ~4 % of a 100k run. Keys hash by identity, so
    /// no URN an artifact chooses can make them collide.
    /// </summary>
    private static Dictionary<string, int> ByInstance(ImmutableArray<ResourceNode> resources, bool duplicates)
    {
        var map = new Dictionary<string, int>(resources.Length, ReferenceEqualityComparer.Instance);
        var first = 0;
        for (var i = 0; i < resources.Length; i++)
        {
            if (!duplicates || i == 0 || !string.Equals(resources[i].Urn, resources[i - 1].Urn, StringComparison.Ordinal)) first = i;
            map.TryAdd(resources[i].Urn, first);
        }
        return map;
    }

    /// <summary>How many graph URNs sort before <paramref name="urn"/>.</summary>
    private static int LowerBound(ImmutableArray<ResourceNode> resources, string urn)
    {
        int lo = 0, hi = resources.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(resources[mid].Urn, urn) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
