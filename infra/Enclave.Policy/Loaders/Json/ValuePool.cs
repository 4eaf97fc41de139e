using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// Shares the maps, lists and numbers of one input that repeat exactly: tags, rule options, port ranges, address lists,
/// the same nested settings in every workload. A 200k-resource state held ten small objects per resource that were
/// copies of others, and the garbage collector walks every one of them while the graph lives. Values are immutable, so
/// one instance can stand for all equal ones; a map or list is shared only when its keys and items are the very same
/// instances (themselves shared through this pool and the <see cref="StringCache"/>), which is exact sameness without
/// walking a tree. Direct-mapped and fixed in size like the string cache: a miss costs one comparison, and a hostile
/// input of colliding values only makes it miss.
/// </summary>
internal sealed class ValuePool(JsonSource source)
{
    private const int MapBits = 16, ListBits = 14, NumberBits = 12, UrnListBits = 14, DependencyBits = 14;
    private readonly MapValue?[] _maps = new MapValue?[1 << MapBits];
    private readonly ListValue?[] _lists = new ListValue?[1 << ListBits];
    private readonly NumberValue?[] _numbers = new NumberValue?[1 << NumberBits];
    private readonly string[]?[] _urnLists = new string[]?[1 << UrnListBits];
    private readonly ImmutableSortedDictionary<string, ImmutableArray<string>>?[] _dependencies =
        new ImmutableSortedDictionary<string, ImmutableArray<string>>?[1 << DependencyBits];

    /// <summary>
    /// A list of URNs (a resource's dependencies, an input's property dependencies), shared with an earlier list of
    /// the same strings: every resource of a compartment names the same few.
    /// </summary>
    public ImmutableArray<string> Urns(ReadOnlySpan<string> urns)
    {
        var h = (uint)urns.Length ^ 0x85EBCA6Bu;
        foreach (var u in urns) h = Mix(h, RuntimeHelpers.GetHashCode(u));
        ref var slot = ref _urnLists[Finish(h) >> (32 - UrnListBits)];
        if (slot is not { } held || !Same(held, urns))
        {
            source.Keep(KeptBytes.Array(urns.Length, 8));
            slot = held = urns.ToArray();
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(held);
    }

    /// <summary>A resource's property dependencies (distinct keys, lists from <see cref="Urns"/>), shared likewise.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies(
        ReadOnlySpan<KeyValuePair<string, ImmutableArray<string>>> entries)
    {
        var h = (uint)entries.Length ^ 0xC2B2AE35u;
        foreach (var (k, v) in entries)
            h = Mix(Mix(h, RuntimeHelpers.GetHashCode(k)), RuntimeHelpers.GetHashCode(ImmutableCollectionsMarshal.AsArray(v)!));
        ref var slot = ref _dependencies[Finish(h) >> (32 - DependencyBits)];
        if (slot is { } held && Same(held, entries)) return held;
        source.Keep(KeptBytes.SmallObject + entries.Length * 48L); // a tree node per entry
        // A builder adds in place; CreateRange would make a new tree per key.
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (k, v) in entries) builder.Add(k, v);
        return slot = builder.ToImmutable();
    }

    /// <summary>The map of <paramref name="entries"/> (sorted, distinct keys), shared with an earlier equal one.</summary>
    public MapValue Map(ReadOnlySpan<KeyValuePair<string, PropertyValue>> entries, KeyValuePair<string, PropertyValue>[]? array = null)
    {
        var h = (uint)entries.Length;
        foreach (var (k, v) in entries) h = Mix(Mix(h, RuntimeHelpers.GetHashCode(k)), RuntimeHelpers.GetHashCode(v));
        ref var slot = ref _maps[Finish(h) >> (32 - MapBits)];
        if (slot is { } held && Same(held.Entries, entries)) return held;
        source.Keep(KeptBytes.SmallObject + KeptBytes.Array(entries.Length, 16));
        return slot = new MapValue(array ?? entries.ToArray());
    }

    /// <summary>The list of <paramref name="items"/>, shared with an earlier equal one.</summary>
    public ListValue List(ReadOnlySpan<PropertyValue> items)
    {
        var h = (uint)items.Length ^ 0x9E3779B9u;
        foreach (var v in items) h = Mix(h, RuntimeHelpers.GetHashCode(v));
        ref var slot = ref _lists[Finish(h) >> (32 - ListBits)];
        if (slot is { } held && Same(held.Items.AsSpan(), items)) return held;
        source.Keep(KeptBytes.SmallObject + KeptBytes.Array(items.Length, 8));
        return slot = new ListValue(ImmutableArray.Create(items));
    }

    /// <summary>The number <paramref name="d"/>, shared with an earlier one of the same bits (0 and -0 differ).</summary>
    public NumberValue Number(double d)
    {
        var bits = BitConverter.DoubleToInt64Bits(d);
        ref var slot = ref _numbers[(uint)((ulong)(bits ^ (bits >>> 29)) * 0x9E3779B97F4A7C15UL >> (64 - NumberBits))];
        if (slot is { } held && BitConverter.DoubleToInt64Bits(held.Value) == bits) return held;
        source.Keep(KeptBytes.SmallObject);
        return slot = new NumberValue(d);
    }

    private static bool Same(ReadOnlySpan<KeyValuePair<string, PropertyValue>> a, ReadOnlySpan<KeyValuePair<string, PropertyValue>> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i].Key, b[i].Key) || !ReferenceEquals(a[i].Value, b[i].Value)) return false;
        return true;
    }

    private static bool Same(string[] a, ReadOnlySpan<string> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i], b[i])) return false;
        return true;
    }

    private static bool Same(ImmutableSortedDictionary<string, ImmutableArray<string>> held,
        ReadOnlySpan<KeyValuePair<string, ImmutableArray<string>>> entries)
    {
        if (held.Count != entries.Length) return false;
        foreach (var (k, v) in entries)
            if (!held.TryGetValue(k, out var urns) || !ReferenceEquals(ImmutableCollectionsMarshal.AsArray(urns), ImmutableCollectionsMarshal.AsArray(v)))
                return false;
        return true;
    }

    private static bool Same(ReadOnlySpan<PropertyValue> a, ReadOnlySpan<PropertyValue> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i], b[i])) return false;
        return true;
    }

    // A multiply-rotate step per key and item and one avalanche at the end: the identity hash codes mixed in are
    // already spread, and HashCode.Combine's full round per step was a sixth of reading a map.
    private static uint Mix(uint h, int value) => System.Numerics.BitOperations.RotateLeft((h ^ (uint)value) * 0x9E3779B1u, 13);

    private static uint Finish(uint h)
    {
        h ^= h >> 15;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        return h ^ (h >> 16);
    }
}
