using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// Reading one input in the light of a graph loaded before it (a diff's base, while its head is read): a resource the
/// earlier graph has under the same URN keeps that graph's instances of every string, value, map and URN list that
/// reads exactly the same (<see cref="SameValue"/>, ordinal strings), and the copy just read dies young. A diff of two
/// 200k-resource states holds the unchanged resources' values once instead of twice, so the collector copies (while
/// the head loads) and marks (while its rules run and the sides are compared) about half as much. Values are immutable
/// and the sameness exact, so nothing a rule, a report or the diff reads can differ; nodes themselves are never shared
/// (a loader still sets the region of the nodes it made).
/// </summary>
internal static class PriorValues
{
    /// <summary><paramref name="prior"/> when <paramref name="read"/> has its keys and, field by field, its very instances.</summary>
    public static MapValue Map(MapValue read, MapValue prior)
    {
        if (ReferenceEquals(read, prior)) return prior;
        var r = read.Entries;
        var p = prior.Entries;
        if (r.Length != p.Length) return read;
        for (var i = 0; i < r.Length; i++)
            if (!ReferenceEquals(r[i].Value, p[i].Value) || !string.Equals(r[i].Key, p[i].Key, StringComparison.Ordinal)) return read;
        return prior;
    }

    /// <summary>The earlier text when it is the same, else the one just read.</summary>
    public static string? Text(string? read, string? prior) =>
        read is not null && string.Equals(read, prior, StringComparison.Ordinal) ? prior : read;

    /// <summary>The earlier value when it is exactly the same, else the one just read.</summary>
    public static PropertyValue Value(PropertyValue read, PropertyValue prior) => SameValue.Equal(prior, read) ? prior : read;

    /// <summary>The earlier list of URNs when it holds the same ones in the same order.</summary>
    public static ImmutableArray<string> Urns(ImmutableArray<string> read, ImmutableArray<string> prior)
    {
        if (read.Length != prior.Length) return read;
        for (var i = 0; i < read.Length; i++)
            if (!string.Equals(read[i], prior[i], StringComparison.Ordinal)) return read;
        return prior;
    }

    /// <summary>The earlier property dependencies when they name the same URNs under the same keys.</summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<string>> Dependencies(
        ImmutableSortedDictionary<string, ImmutableArray<string>> read, ImmutableSortedDictionary<string, ImmutableArray<string>> prior)
    {
        if (ReferenceEquals(read, prior) || read.Count != prior.Count || !ReferenceEquals(read.KeyComparer, prior.KeyComparer)) return read;
        foreach (var (key, urns) in read)
            if (!prior.TryGetValue(key, out var other) || Urns(urns, other) != other) return read;
        return prior;
    }
}
