using System.Buffers;
using System.Runtime.InteropServices;

namespace Enclave.Policy.Graph;

/// <summary>
/// Sorts URNs ordinally (stable for equal ones) without comparing them character by character most of the time.
/// The URNs of one stack share <c>urn:pulumi:STACK::PROJECT::</c>, then differ in the qualified type (few distinct
/// values) and the name. A type never contains <c>::</c>, so for two URNs with the same prefix the ordinal order is
/// the order of <c>TYPE::</c> and, for the same type, of the names. Each URN becomes a small key: the rank of its
/// type (among the distinct types, sorted once) and its name's first eight characters; only keys that tie on both
/// compare the names themselves. URNs of another shape (or another prefix) sort by full ordinal comparison.
/// </summary>
internal static class UrnOrder
{
    private const string Separator = "::";

    /// <summary><paramref name="nodes"/> in ordinal order of their URNs, equal ones in input order.</summary>
    public static ResourceNode[] Sort(ResourceNode[] nodes)
    {
        // Rented: for a large graph a fresh key array would land on the large-object heap each time.
        var rented = ArrayPool<Key>.Shared.Rent(nodes.Length);
        var keys = rented.AsSpan(0, nodes.Length);
        var prefix = nodes.Length > 0 ? Prefix(nodes[0].Urn) : -1;
        var common = prefix < 0 ? ReadOnlySpan<char>.Empty : nodes[0].Urn.AsSpan(0, prefix);
        // One pass over the URNs (each is read once: on a large heap every string is a cache miss). A type gets a
        // number when first seen and its rank once all are known.
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var byText = types.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < keys.Length; i++)
        {
            var urn = nodes[i].Urn;
            var typeEnd = prefix < 0 ? -1 : TypeEnd(urn, common);
            if (typeEnd < 0)
            {
                keys[i] = new Key(-1, 0, 0, urn, 0, i);
                continue;
            }
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(byText, urn.AsSpan(prefix, typeEnd - prefix), out var seen);
            if (!seen) number = types.Count - 1;
            var name = typeEnd + Separator.Length;
            keys[i] = new Key(number, Head(urn, name), Head(urn, name + 4), urn, name, i);
        }
        var rank = TypeRanks(types);
        var allPrefixed = true;
        foreach (ref var key in keys)
            if (key.TypeRank >= 0) key = key with { TypeRank = rank[key.TypeRank] };
            else allPrefixed = false;
        if (allPrefixed && rank.Length <= ushort.MaxValue) SortByPackedHead(keys);
        else keys.Sort(new KeyOrder());
        var sorted = new ResourceNode[nodes.Length];
        for (var i = 0; i < keys.Length; i++) sorted[i] = nodes[keys[i].Index];
        ArrayPool<Key>.Shared.Return(rented, clearArray: true);
        return sorted;
    }

    /// <summary>
    /// The usual case, every URN of one stack: the type rank and the name's first seven characters fit in one 128-bit
    /// integer, and a sort of integers (the framework's, no comparer) is several times cheaper than moving and
    /// comparing whole keys. That integer is the start of the order <see cref="KeyOrder"/> defines, so only keys that
    /// tie on it are then compared in full. Seven characters, not three: names of one type commonly share their first
    /// few (<c>w12…</c>, <c>usde-…</c>), and ties of hundreds of keys each cost most of the sort.
    /// </summary>
    private static void SortByPackedHead(Span<Key> keys)
    {
        var heads = ArrayPool<UInt128>.Shared.Rent(keys.Length);
        var order = ArrayPool<int>.Shared.Rent(keys.Length);
        var copy = ArrayPool<Key>.Shared.Rent(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            heads[i] = new UInt128(((ulong)keys[i].TypeRank << 48) | (keys[i].NameHead >> 16),
                (keys[i].NameHead << 48) | (keys[i].NameNext >> 16));
            order[i] = i;
        }
        Array.Sort(heads, order, 0, keys.Length);
        keys.CopyTo(copy);
        for (var i = 0; i < keys.Length; i++) keys[i] = copy[order[i]];
        for (int start = 0, end; start < keys.Length; start = end)
        {
            for (end = start + 1; end < keys.Length && heads[end] == heads[start]; end++) { }
            if (end - start > 1) keys[start..end].Sort(new KeyOrder());
        }
        ArrayPool<UInt128>.Shared.Return(heads);
        ArrayPool<int>.Shared.Return(order);
        ArrayPool<Key>.Shared.Return(copy, clearArray: true);
    }

    /// <summary>For each type number, its place in the ordinal order of <c>TYPE::</c>.</summary>
    private static int[] TypeRanks(Dictionary<string, int> numbers)
    {
        var byNumber = new string[numbers.Count];
        foreach (var (type, number) in numbers) byNumber[number] = type + Separator;
        var order = Enumerable.Range(0, byNumber.Length).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(byNumber[a], byNumber[b]));
        var rank = new int[order.Length];
        for (var r = 0; r < order.Length; r++) rank[order[r]] = r;
        return rank;
    }

    /// <summary>The length of <c>urn:pulumi:STACK::PROJECT::</c> in <paramref name="urn"/>, or -1.</summary>
    private static int Prefix(string urn)
    {
        if (!urn.StartsWith("urn:pulumi:", StringComparison.Ordinal)) return -1;
        var stackEnd = urn.IndexOf(Separator, "urn:pulumi:".Length, StringComparison.Ordinal);
        if (stackEnd < 0) return -1;
        var projectEnd = urn.IndexOf(Separator, stackEnd + Separator.Length, StringComparison.Ordinal);
        return projectEnd < 0 ? -1 : projectEnd + Separator.Length;
    }

    /// <summary>Where the type of a URN with this prefix ends (at its <c>::</c>), or -1 for any other string.</summary>
    private static int TypeEnd(string urn, ReadOnlySpan<char> prefix) =>
        urn.AsSpan().StartsWith(prefix, StringComparison.Ordinal)
            ? urn.IndexOf(Separator, prefix.Length, StringComparison.Ordinal)
            : -1;

    /// <summary>Four characters from <paramref name="start"/>, packed so that integer order is ordinal order (0 past the end).</summary>
    private static ulong Head(string s, int start)
    {
        ulong head = 0;
        for (var i = 0; i < 4; i++)
            head = (head << 16) | (start + i < s.Length ? s[start + i] : 0u);
        return head;
    }

    /// <param name="TypeRank">-1 for a string that is not a URN with the common prefix.</param>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Key(int TypeRank, ulong NameHead, ulong NameNext, string Urn, int NameStart, int Index);

    private readonly struct KeyOrder : IComparer<Key>
    {
        public int Compare(Key x, Key y)
        {
            int c;
            if (x.TypeRank < 0 || y.TypeRank < 0)
                c = string.CompareOrdinal(x.Urn, y.Urn);
            else if ((c = x.TypeRank.CompareTo(y.TypeRank)) == 0 && (c = x.NameHead.CompareTo(y.NameHead)) == 0 &&
                     (c = x.NameNext.CompareTo(y.NameNext)) == 0)
                c = x.Urn.AsSpan(x.NameStart).SequenceCompareTo(y.Urn.AsSpan(y.NameStart));
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        }
    }
}
