using System.Collections.Immutable;
using System.Globalization;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Values;

/// <summary>
/// Where the values of a graph came from, so reports print what a reviewer can check instead of ids nobody typed:
/// an input holding another resource's id (or computed output) reads as a <see cref="ReferenceValue"/>
/// (<c>network-data.id</c>), a resource's own assigned id or output as <see cref="ComputedValue"/>
/// (known after apply), a data-source answer as a <see cref="LookupValue"/>, a date derived from the pinned clock as a
/// <see cref="TimeValue"/>, and a string with ids inside (a policy statement) as a <see cref="TemplateValue"/>.
/// The graph keeps its own values: rules judge those, and only renderers and the diff see these.
/// </summary>
public sealed class ValueOrigins
{
    private readonly Dictionary<string, List<Origin>> _byValue = new(StringComparer.Ordinal);
    private readonly DateTimeOffset? _clock;

    /// <param name="Owner">URN of the resource whose id or output the value is; null for lookups.</param>
    private sealed record Origin(PropertyValue Display, string? Owner);

    private ValueOrigins(ResourceGraph graph)
    {
        var offline = graph.Fabricated is not null;
        _clock = graph.Fabricated?.Clock;
        _byValue.EnsureCapacity(graph.Resources.Length);
        var typed = new TypedStrings();
        foreach (var node in graph.Resources)
        {
            if (!node.Custom) continue;
            // A value the program typed for the resource itself (an audit configuration's id is its tenancy's
            // OCID) is not one the cloud assigned.
            typed.Reset(node.Inputs);
            if (node.Id.AsString() is { Length: > 0 } id && !typed.Contains(id)) Add(id, new ReferenceValue(node.Urn, "id"), node.Urn);
            foreach (var (key, v) in node.Outputs.Entries)
            {
                if (key == "id" || node.Inputs.TryGetValue(key, out _) || v.AsString() is not { Length: > 0 } s) continue;
                // Offline, every computed output is a stand-in; from a cloud, only ids are worth naming by reference
                // ("AVAILABLE" is not a reference to anything).
                if ((offline || s.StartsWith(OcidPrefix, StringComparison.Ordinal)) && !typed.Contains(s))
                    Add(s, new ReferenceValue(node.Urn, key), node.Urn);
            }
        }
        if (graph.Fabricated is { } fabricated)
            foreach (var (value, token) in fabricated.Lookups)
                if (!_byValue.ContainsKey(value)) Add(value, new LookupValue(token, value), null);
        foreach (var list in _byValue.Values) list.Sort((a, b) => string.CompareOrdinal(a.Owner, b.Owner));
    }

    private const string OcidPrefix = "ocid1.";

    /// <summary>The origins of <paramref name="graph"/>'s values (linear in its size).</summary>
    public static ValueOrigins For(ResourceGraph graph) => new(graph);

    /// <summary>How input or output <paramref name="key"/> of <paramref name="node"/> reads in a report.</summary>
    public PropertyValue Display(ResourceNode node, string key, PropertyValue value, int depth = 0)
    {
        if (depth > 64) return value;
        switch (value)
        {
            case StringValue s:
                return Resolve(node, key, s.Value) ?? value;
            case ListValue l:
            {
                ImmutableArray<PropertyValue>.Builder? changed = null;
                for (var i = 0; i < l.Items.Length; i++)
                {
                    var shown = Display(node, key, l.Items[i], depth + 1);
                    if (changed is null && ReferenceEquals(shown, l.Items[i])) continue;
                    if (changed is null) { changed = ImmutableArray.CreateBuilder<PropertyValue>(l.Items.Length); changed.AddRange(l.Items, i); }
                    changed.Add(shown);
                }
                return changed is null ? value : new ListValue(changed.MoveToImmutable());
            }
            case MapValue m:
            {
                KeyValuePair<string, PropertyValue>[]? changed = null;
                var entries = m.Entries;
                for (var i = 0; i < entries.Length; i++)
                {
                    var (k, v) = entries[i];
                    var shown = Display(node, key, v, depth + 1);
                    if (ReferenceEquals(shown, v)) continue;
                    changed ??= entries.ToArray();
                    changed[i] = new(k, shown);
                }
                return changed is null ? value : m.WithEntries(changed);
            }
            default:
                return value;
        }
    }

    /// <summary>Every input of <paramref name="node"/> as it reads in a report.</summary>
    public MapValue DisplayInputs(ResourceNode node) => DisplayMap(node, node.Inputs);

    /// <summary>Every output of <paramref name="node"/> as it reads in a report (its own assigned values: computed).</summary>
    public MapValue DisplayOutputs(ResourceNode node) => DisplayMap(node, node.Outputs);

    /// <summary>The resource's id: computed when the cloud assigns it, else as written (an id the program chose).</summary>
    public PropertyValue DisplayId(ResourceNode node) => Display(node, "id", node.Id);

    /// <remarks>
    /// Values replaced in a copy of the entries (same keys, same order), not through <see cref="MapValue.Fields"/>: a
    /// diff shows every input map of both sides, and a sorted tree per map was most of a 100k-resource comparison.
    /// </remarks>
    private MapValue DisplayMap(ResourceNode node, MapValue map)
    {
        KeyValuePair<string, PropertyValue>[]? changed = null;
        var entries = map.Entries;
        for (var i = 0; i < entries.Length; i++)
        {
            var (k, v) = entries[i];
            var shown = Display(node, k, v);
            if (ReferenceEquals(shown, v)) continue;
            changed ??= entries.ToArray();
            changed[i] = new(k, shown);
        }
        return changed is null ? map : map.WithEntries(changed);
    }

    private PropertyValue? Resolve(ResourceNode node, string key, string text)
    {
        if (_byValue.TryGetValue(text, out var origins)) return Pick(node, key, origins);
        if (Time(text) is { } time) return time;
        return text.Contains(OcidPrefix, StringComparison.Ordinal) ? Template(node, key, text) : null;
    }

    /// <summary>Several resources with one value (rare): the one the input was built from, else the first by URN.</summary>
    private static PropertyValue Pick(ResourceNode node, string key, List<Origin> origins)
    {
        var origin = origins[0];
        if (origins.Count > 1 && node.PropertyDependencies.TryGetValue(key, out var deps))
            origin = origins.FirstOrDefault(o => o.Owner is not null && deps.Contains(o.Owner)) ?? origin;
        return origin.Owner == node.Urn ? ComputedValue.Instance : origin.Display;
    }

    /// <summary>A date at midnight UTC some whole days after the pinned clock: the program asked for "now + N days".</summary>
    private TimeValue? Time(string text)
    {
        if (_clock is not { } clock || text.Length != 20 || text[10] != 'T') return null;
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) || date.TimeOfDay != TimeSpan.Zero)
            return null;
        var days = (date.Date - clock.UtcDateTime.Date).TotalDays;
        return days is >= 0 and <= 36_600 ? new TimeValue((int)days) : null;
    }

    /// <summary>Ids inside a longer string (policy statements, matching rules): the text around them stays literal.</summary>
    private TemplateValue? Template(ResourceNode node, string key, string text)
    {
        var parts = ImmutableArray.CreateBuilder<PropertyValue>();
        var literalStart = 0;
        var found = false;
        for (var start = text.IndexOf(OcidPrefix, StringComparison.Ordinal); start >= 0;
             start = text.IndexOf(OcidPrefix, start + 1, StringComparison.Ordinal))
        {
            var end = start + OcidPrefix.Length;
            while (end < text.Length && IsOcidChar(text[end])) end++;
            // An OCID never ends with a dot; a sentence might.
            while (end > start && text[end - 1] == '.') end--;
            if (!_byValue.TryGetValue(text[start..end], out var origins)) continue;
            if (start > literalStart) parts.Add(new StringValue(text[literalStart..start]));
            parts.Add(Pick(node, key, origins));
            literalStart = end;
            found = true;
            start = end - 1;
        }
        if (!found) return null;
        if (literalStart < text.Length) parts.Add(new StringValue(text[literalStart..]));
        return new TemplateValue(parts.ToImmutable());
    }

    private static bool IsOcidChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_';

    private void Add(string value, PropertyValue display, string? owner)
    {
        ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byValue, value, out _);
        (list ??= []).Add(new Origin(display, owner));
    }

    internal static void CollectStrings(PropertyValue value, HashSet<string> into)
    {
        switch (value)
        {
            case StringValue s: into.Add(s.Value); break;
            case ListValue l:
                foreach (var i in l.Items) CollectStrings(i, into);
                break;
            case MapValue m:
                foreach (var (_, v) in m.Entries) CollectStrings(v, into);
                break;
        }
    }
}
