using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Diff;

/// <summary>
/// Structural comparison of two property values down to the leaves that differ, naming each by its path.
/// Maps compare key by key. Lists with a natural identity (<see cref="ListIdentity"/>) match items by it:
/// <c>ingressSecurityRules{tcp 10.30.3.0/24 port 1522}.description</c> for a changed rule, one added or removed
/// entry per inserted or deleted rule, and a reordering reported as such; set-like lists (IAM statements, ids,
/// CIDRs, event types) list each member added or removed at the list's own path. Other lists compare by position,
/// which their paths say (<c>retentionRules[0]</c>). Two secrets are equal as far as anyone can tell (their
/// plaintext is never held); a known value turning into an unknown is a change.
/// </summary>
public static class PropertyDiff
{
    /// <summary>Shown for a list whose items are all still there, in another order.</summary>
    public const string ReorderedNote = "(same items in another order; the order does not matter here)";

    /// <summary>Adds the differences between two input maps of a resource of <paramref name="type"/> to <paramref name="into"/>.</summary>
    public static void Compare(MapValue before, MapValue after, List<PropertyChange> into, string? type = null) =>
        CompareMaps("", before, after, into, type, top: true);

    /// <summary>Every leaf of <paramref name="value"/> as an added (or, with <paramref name="removed"/>, a removed) property.</summary>
    public static void Flatten(string path, PropertyValue value, bool removed, List<PropertyChange> into)
    {
        switch (value)
        {
            case MapValue { Count: > 0 } m:
                foreach (var (k, v) in m.Entries) Flatten(ReviewPath.Key(path, k), v, removed, into);
                break;
            case ListValue { Items.Length: > 0 } l:
                for (var i = 0; i < l.Items.Length; i++) Flatten(ReviewPath.Index(path, i), l.Items[i], removed, into);
                break;
            default:
                into.Add(removed ? new PropertyChange(path, value, null) : new PropertyChange(path, null, value));
                break;
        }
    }

    // Entries and binary search, not Fields: a diff compares every input map of both sides, and Fields makes a
    // sorted tree of each (most of a 100k-resource comparison). Same keys, same order, same lookups.
    private static void CompareMaps(string path, MapValue b, MapValue a, List<PropertyChange> into, string? type, bool top)
    {
        foreach (var (key, bv) in b.Entries)
            Compare(ReviewPath.Key(path, key), top ? key : null, bv, a.TryGetValue(key, out var av) ? av : null, into, type);
        foreach (var (key, av) in a.Entries)
            if (!b.TryGetValue(key, out _)) Compare(ReviewPath.Key(path, key), top ? key : null, null, av, into, type);
    }

    /// <param name="topKey">The input's name when <paramref name="path"/> is a top-level input (identity applies there only).</param>
    private static void Compare(string path, string? topKey, PropertyValue? before, PropertyValue? after, List<PropertyChange> into, string? type)
    {
        if (before is null && after is null) return;
        if (before is null) { Flatten(path, after!, removed: false, into); return; }
        if (after is null) { Flatten(path, before, removed: true, into); return; }
        if (ReferenceEquals(before, after) || before.Equals(after)) return;

        switch (before, after)
        {
            case (MapValue b, MapValue a):
                CompareMaps(path, b, a, into, type, top: false);
                break;
            case (ListValue b, ListValue a) when topKey is not null && ListIdentity.Of(type, topKey) is not ListIdentity.Kind.Positional and var kind
                                                && CompareByIdentity(path, topKey, kind, b, a, into, type):
                break;
            case (ListValue b, ListValue a):
                var n = Math.Max(b.Items.Length, a.Items.Length);
                for (var i = 0; i < n; i++)
                    Compare(ReviewPath.Index(path, i), null, i < b.Items.Length ? b.Items[i] : null, i < a.Items.Length ? a.Items[i] : null, into, type);
                break;
            case (StringValue b, StringValue a) when topKey == "condition" && type == ListIdentity.EventRuleType && CompareCondition(path, b.Value, a.Value, into):
                break;
            default:
                into.Add(new PropertyChange(path, before, after));
                break;
        }
    }

    /// <summary>False (compare by position instead) when an item's identity cannot be told or two items share one.</summary>
    private static bool CompareByIdentity(string path, string key, ListIdentity.Kind kind, ListValue b, ListValue a, List<PropertyChange> into, string? type)
    {
        string? Identity(PropertyValue item) => kind == ListIdentity.Kind.Set ? ListIdentity.SetKey(key, item) : ListIdentity.Key(key, item);
        var before = Index(b, Identity);
        var after = Index(a, Identity);
        if (before is null || after is null) return false;

        var start = into.Count;
        foreach (var (id, item) in before)
        {
            if (!after.TryGetValue(id, out var now)) into.Add(new PropertyChange(Member(path, id, kind), item, null));
            else if (kind == ListIdentity.Kind.Keyed) Compare(Member(path, id, kind), null, item, now, into, type);
            else if (!item.Equals(now)) into.Add(new PropertyChange(path, item, now));
        }
        foreach (var (id, item) in after)
            if (!before.ContainsKey(id)) into.Add(new PropertyChange(Member(path, id, kind), null, item));
        // Nothing added, removed or changed, yet the lists differ: the same items in another order.
        if (into.Count == start) into.Add(new PropertyChange(path, null, null) { Note = ReorderedNote });
        return true;
    }

    /// <summary>Items by identity, in list order; null when one cannot be identified or two share an identity.</summary>
    private static Dictionary<string, PropertyValue>? Index(ListValue list, Func<PropertyValue, string?> identity)
    {
        var byId = new Dictionary<string, PropertyValue>(list.Items.Length, StringComparer.Ordinal);
        foreach (var item in list.Items)
            if (identity(item) is not { } id || !byId.TryAdd(id, item)) return null;
        return byId;
    }

    /// <summary>A keyed item's path: <c>list{identity}</c>; set members are listed at the list's own path.</summary>
    private static string Member(string path, string id, ListIdentity.Kind kind) =>
        kind == ListIdentity.Kind.Keyed ? $"{path}{{{id.Replace("}", "\\}", StringComparison.Ordinal)}}}" : path;

    /// <summary>
    /// An Events rule's condition is JSON in a string: its <c>eventType</c> list is compared as a set, so one event type
    /// added reads as one; any other difference (or a condition that is not JSON) is shown whole.
    /// </summary>
    private static bool CompareCondition(string path, string before, string after, List<PropertyChange> into)
    {
        if (EventTypes(before) is not { } b || EventTypes(after) is not { } a || b.Others != a.Others) return false;
        var start = into.Count;
        foreach (var t in b.Types.Except(a.Types, StringComparer.Ordinal))
            into.Add(new PropertyChange(path + ".eventType", new StringValue(t), null));
        foreach (var t in a.Types.Except(b.Types, StringComparer.Ordinal))
            into.Add(new PropertyChange(path + ".eventType", null, new StringValue(t)));
        if (into.Count == start) into.Add(new PropertyChange(path + ".eventType", null, null) { Note = ReorderedNote });
        return true;
    }

    private static (List<string> Types, string Others)? EventTypes(string condition)
    {
        if (condition.Length > 1_000_000) return null;
        try
        {
            using var doc = JsonDocument.Parse(condition, new JsonDocumentOptions { MaxDepth = 16 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object ||
                !doc.RootElement.TryGetProperty("eventType", out var types) || types.ValueKind != JsonValueKind.Array ||
                types.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
                return null;
            var rest = string.Join(",", doc.RootElement.EnumerateObject().Where(p => p.Name != "eventType")
                .Select(p => p.Name + "=" + p.Value.GetRawText()));
            return (types.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal).ToList(), rest);
        }
        catch (JsonException) { return null; }
    }
}
