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
        var keys = new Key[items.Length];
        for (var i = 0; i < items.Length; i++)
            keys[i] = new Key(((long)ruleRank[items[i].RuleId] << 32) | (uint)urnRank[items[i].Urn], i);
        keys.AsSpan().Sort(new KeyComparer(items));
        var sorted = ImmutableArray.CreateBuilder<ReportedFinding>(items.Length);
        foreach (var k in keys) sorted.Add(items[k.Index]);
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

    private readonly record struct Key(long RuleAndUrn, int Index);

    private readonly struct KeyComparer(ReportedFinding[] items) : IComparer<Key>
    {
        public int Compare(Key x, Key y)
        {
            var c = x.RuleAndUrn.CompareTo(y.RuleAndUrn);
            if (c != 0) return c;
            c = string.CompareOrdinal(items[x.Index].Finding.Message, items[y.Index].Finding.Message);
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        }
    }
}
