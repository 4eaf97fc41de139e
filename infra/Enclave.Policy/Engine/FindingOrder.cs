using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Enclave.Policy.Graph;

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
        var byRule = BucketByRule(items);
        var urns = new UrnRanks(graph, items);
        var sorted = new ReportedFinding[items.Length];
        var done = 0;
        foreach (var bucket in byRule)
        {
            // Key: URN rank, then position in production order (keeps ties stable).
            var keys = new long[bucket.Count];
            for (var i = 0; i < keys.Length; i++) keys[i] = ((long)urns.Of(items[bucket[i]].Urn) << 32) | (uint)bucket[i];
            if (!IsSorted(keys)) Array.Sort(keys);
            for (var start = 0; start < keys.Length;)
            {
                var end = start + 1;
                while (end < keys.Length && keys[end] >> 32 == keys[start] >> 32) end++;
                if (end - start > 1) keys.AsSpan(start, end - start).Sort(new ByMessage(items));
                start = end;
            }
            foreach (var k in keys) sorted[done++] = items[(int)(uint)k];
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(sorted);
    }

    /// <summary>Finding indexes per rule id, rules in ordinal order, each in production order.</summary>
    private static IEnumerable<List<int>> BucketByRule(ReportedFinding[] items)
    {
        var buckets = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        List<int>? current = null;
        string? currentId = null;
        for (var i = 0; i < items.Length; i++)
        {
            // Rules emit their findings together, so the previous bucket is almost always the right one.
            var id = items[i].RuleId;
            if (!ReferenceEquals(id, currentId) && !string.Equals(id, currentId, StringComparison.Ordinal))
            {
                if (!buckets.TryGetValue(id, out current)) buckets[id] = current = [];
                currentId = id;
            }
            current!.Add(i);
        }
        return buckets.Values;
    }

    private static bool IsSorted(long[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
            if (keys[i] < keys[i - 1]) return false;
        return true;
    }

    private readonly struct ByMessage(ReportedFinding[] items) : IComparer<long>
    {
        public int Compare(long x, long y)
        {
            var c = string.CompareOrdinal(items[(int)(uint)x].Finding.Message, items[(int)(uint)y].Finding.Message);
            return c != 0 ? c : x.CompareTo(y);
        }
    }

    /// <summary>
    /// Each finding URN's place in ordinal order among all URNs of the graph and the findings. A graph URN at
    /// position p ranks p plus the number of foreign URNs (findings about something the graph lacks) before it; a
    /// foreign URN ranks the number of graph URNs before it plus its place among the foreign ones.
    /// </summary>
    private sealed class UrnRanks
    {
        private readonly ResourceGraph _graph;
        private readonly int[]? _shift;
        private readonly Dictionary<string, int>? _foreign;

        public UrnRanks(ResourceGraph graph, ReportedFinding[] items)
        {
            _graph = graph;
            var foreign = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var f in items)
                if (graph.PositionOf(f.Urn) < 0) foreign.Add(f.Urn);
            if (foreign.Count == 0) return;
            var resources = graph.Resources;
            _shift = new int[resources.Length];
            _foreign = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var urn in foreign)
            {
                var before = LowerBound(resources, urn);
                _foreign[urn] = before + index++;
                if (before < _shift.Length) _shift[before]++;
            }
            for (var p = 1; p < _shift.Length; p++) _shift[p] += _shift[p - 1];
        }

        public int Of(string urn)
        {
            var p = _graph.PositionOf(urn);
            return p >= 0 ? p + (_shift?[p] ?? 0) : _foreign![urn];
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
}
