using Enclave.Policy.Graph;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Diff;

/// <summary>
/// Structural comparison of two property values down to the leaves that differ, naming each by its path
/// (<c>ingressSecurityRules[0].source</c>). Lists compare element by element, maps key by key. Two secrets are
/// equal as far as anyone can tell (their plaintext is never held); a known value turning into an unknown is a change.
/// </summary>
public static class PropertyDiff
{
    /// <summary>Adds the differences between two input maps to <paramref name="into"/>.</summary>
    public static void Compare(MapValue before, MapValue after, List<PropertyChange> into) => Compare("", before, after, into);

    /// <summary>Every leaf of <paramref name="value"/> as an added (or, with <paramref name="removed"/>, a removed) property.</summary>
    public static void Flatten(string path, PropertyValue value, bool removed, List<PropertyChange> into)
    {
        switch (value)
        {
            case MapValue { Fields.Count: > 0 } m:
                foreach (var (k, v) in m.Fields) Flatten(ReviewPath.Key(path, k), v, removed, into);
                break;
            case ListValue { Items.Length: > 0 } l:
                for (var i = 0; i < l.Items.Length; i++) Flatten(ReviewPath.Index(path, i), l.Items[i], removed, into);
                break;
            default:
                into.Add(removed ? new PropertyChange(path, value, null) : new PropertyChange(path, null, value));
                break;
        }
    }

    private static void Compare(string path, PropertyValue? before, PropertyValue? after, List<PropertyChange> into)
    {
        if (before is null && after is null) return;
        if (before is null) { Flatten(path, after!, removed: false, into); return; }
        if (after is null) { Flatten(path, before, removed: true, into); return; }
        if (ReferenceEquals(before, after) || before.Equals(after)) return;

        switch (before, after)
        {
            case (MapValue b, MapValue a):
                foreach (var (key, bv) in b.Fields)
                    Compare(ReviewPath.Key(path, key), bv, a.Fields.GetValueOrDefault(key), into);
                foreach (var (key, av) in a.Fields)
                    if (!b.Fields.ContainsKey(key)) Compare(ReviewPath.Key(path, key), null, av, into);
                break;
            case (ListValue b, ListValue a):
                var n = Math.Max(b.Items.Length, a.Items.Length);
                for (var i = 0; i < n; i++)
                    Compare(ReviewPath.Index(path, i), i < b.Items.Length ? b.Items[i] : null, i < a.Items.Length ? a.Items[i] : null, into);
                break;
            default:
                into.Add(new PropertyChange(path, before, after));
                break;
        }
    }
}
