using System.Collections.Immutable;

namespace Enclave.Policy.Graph;

/// <summary>
/// A map of fields. Walks and lookups use a flat array of the fields sorted ordinally by key (<see cref="Entries"/>,
/// binary search); <see cref="Fields"/>, the immutable dictionary, is made from it only when asked for. The loaders
/// build maps from sorted arrays directly: a state of 200k resources holds millions of maps, and a tree node per
/// field was most of the graph's memory.
/// </summary>
public sealed record MapValue : PropertyValue
{
    public static readonly MapValue Empty = new(ImmutableSortedDictionary.Create<string, PropertyValue>(StringComparer.Ordinal));

    private ImmutableSortedDictionary<string, PropertyValue>? _fields;
    private readonly KeyValuePair<string, PropertyValue>[] _entries;

    public MapValue(ImmutableSortedDictionary<string, PropertyValue> Fields)
    {
        _fields = Fields;
        _entries = [.. Fields];
    }

    /// <summary>A map of <paramref name="sortedEntries"/>, which must be in ordinal key order with distinct keys (kept, not copied).</summary>
    internal MapValue(KeyValuePair<string, PropertyValue>[] sortedEntries) => _entries = sortedEntries;

    /// <summary>
    /// A map of the same keys in the same order as this one, with <paramref name="entries"/> (a changed copy of
    /// <see cref="Entries"/>: same keys, same order, other values; kept, not copied).
    /// </summary>
    internal MapValue WithEntries(KeyValuePair<string, PropertyValue>[] entries) =>
        _fields is { } fields && !ReferenceEquals(fields.KeyComparer, StringComparer.Ordinal)
            ? new MapValue(ImmutableSortedDictionary.CreateRange(fields.KeyComparer, entries))
            : new MapValue(entries);

    /// <summary>The map's fields, sorted ordinally by key (the order of <see cref="Entries"/>).</summary>
    public ImmutableSortedDictionary<string, PropertyValue> Fields
    {
        get => _fields ??= ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, _entries);
        init
        {
            _fields = value;
            _entries = [.. value];
        }
    }

    /// <summary>How many fields the map has.</summary>
    public int Count => _entries.Length;

    public void Deconstruct(out ImmutableSortedDictionary<string, PropertyValue> fields) => fields = Fields;

    /// <summary>The fields in key order, without enumerating <see cref="Fields"/>.</summary>
    public ReadOnlySpan<KeyValuePair<string, PropertyValue>> Entries => _entries;

    /// <summary>The field named <paramref name="key"/>, by binary search over <see cref="Entries"/>.</summary>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PropertyValue? value)
    {
        // A map built with another comparer is in that comparer's order: search it its own way.
        if (_fields is { } fields && !ReferenceEquals(fields.KeyComparer, StringComparer.Ordinal)) return fields.TryGetValue(key, out value);
        int lo = 0, hi = _entries.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = string.CompareOrdinal(_entries[mid].Key, key);
            if (c == 0)
            {
                value = _entries[mid].Value;
                return true;
            }
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        value = null;
        return false;
    }

    public override bool ContainsUnknown
    {
        get
        {
            foreach (var (_, v) in _entries)
                if (v.ContainsUnknown) return true;
            return false;
        }
    }

    public override bool ContainsSecret
    {
        get
        {
            foreach (var (_, v) in _entries)
                if (v.ContainsSecret) return true;
            return false;
        }
    }

    public bool Equals(MapValue? other)
    {
        if (other is null || _entries.Length != other._entries.Length) return false;
        if (ReferenceEquals(this, other)) return true;
        foreach (var (k, v) in _entries)
            if (!other.TryGetValue(k, out var o) || !v.Equals(o)) return false;
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (k, v) in _entries) { hash.Add(k); hash.Add(v); }
        return hash.ToHashCode();
    }
}
