using System.Collections.Immutable;

namespace Enclave.Policy.Engine;

/// <summary>
/// The report order: rule id, then URN, then message (all ordinal), ties kept in the order the rules produced them.
/// Rule ids and URNs are ranked once (a few thousand distinct strings against hundreds of thousands of findings),
/// so the sort compares integers and only looks at messages when one rule says two things about one resource.
/// </summary>
internal static class FindingOrder
{
    public static ImmutableArray<ReportedFinding> Sort(IEnumerable<ReportedFinding> findings)
    {
        var items = findings.ToArray();
        var ruleRank = Ranks(items, f => f.RuleId);
        var urnRank = Ranks(items, f => f.Urn);
        // Sorted first by (rule, URN, position) as plain integers; runs where one rule says several things about
        // one resource are then put in message order (ties kept in position order).
        var keys = new Int128[items.Length];
        for (var i = 0; i < items.Length; i++)
            keys[i] = ((Int128)(((long)ruleRank[items[i].RuleId] << 32) | (uint)urnRank[items[i].Urn]) << 32) | (uint)i;
        Array.Sort(keys);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] >> 32 == keys[start] >> 32) end++;
            if (end - start > 1) keys.AsSpan(start, end - start).Sort(new ByMessage(items));
            start = end;
        }
        var sorted = ImmutableArray.CreateBuilder<ReportedFinding>(items.Length);
        foreach (var k in keys) sorted.Add(items[(int)(uint)k]);
        return sorted.MoveToImmutable();
    }

    /// <summary>
    /// Each string's place in ordinal order. Findings of one resource share its URN string instance, so strings
    /// are first told apart by reference (no hashing of their characters) and only the distinct instances are
    /// compared by value.
    /// </summary>
    private static Dictionary<string, int> Ranks(ReportedFinding[] items, Func<ReportedFinding, string> key)
    {
        var instances = new HashSet<string>(ReferenceEqualityComparer.Instance);
        foreach (var f in items) instances.Add(key(f));
        var ordered = instances.ToArray();
        Array.Sort(ordered, StringComparer.Ordinal);
        var ranks = new Dictionary<string, int>(ordered.Length, ReferenceEqualityComparer.Instance);
        var rank = -1;
        for (var i = 0; i < ordered.Length; i++)
        {
            // Equal strings held in different instances share one rank.
            if (i == 0 || !string.Equals(ordered[i], ordered[i - 1], StringComparison.Ordinal)) rank++;
            ranks[ordered[i]] = rank;
        }
        return ranks;
    }

    private readonly struct ByMessage(ReportedFinding[] items) : IComparer<Int128>
    {
        public int Compare(Int128 x, Int128 y)
        {
            var c = string.CompareOrdinal(items[(int)(uint)x].Finding.Message, items[(int)(uint)y].Finding.Message);
            return c != 0 ? c : x.CompareTo(y);
        }
    }
}
