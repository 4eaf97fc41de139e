using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// The isolation settings of every resource of one graph, read once: which are set, which hold a secret
/// (<see cref="IsolationSettings.KeysOf"/>, ENC-GOV-006) and which literal settings are unknown
/// (<see cref="IsolationSettings.LiteralKeysOf"/>, ENC-GOV-007). The literal keys are nearly all isolation keys too, so
/// the two rules asked the same inputs of every resource, each by a binary search over its maps; one walk serves both.
/// Each list is in the order the rule used to find them: resource by resource, and within one its keys in the order
/// the rule's own list gives them.
/// </summary>
public sealed class IsolationValues
{
    private static readonly ConditionalWeakTable<ResourceGraph, IsolationValues> Cache = new();

    /// <summary>Per type: the keys read (the isolation keys, then the literal keys not among them), how many of them are
    /// isolation keys, and where each literal key is among them (in <see cref="IsolationSettings.LiteralKeysOf"/> order).</summary>
    private sealed record Layout(string[] Keys, int IsolationCount, int[] LiteralAt)
    {
        /// <summary>Per isolation key: is it also a literal key (both questions asked of its value)?</summary>
        public bool[] AlsoLiteral { get; } = AlsoLiteralOf(IsolationCount, LiteralAt);

        private static bool[] AlsoLiteralOf(int isolationCount, int[] literalAt)
        {
            var also = new bool[isolationCount];
            foreach (var at in literalAt)
                if (at < isolationCount) also[at] = true;
            return also;
        }
    }

    private IsolationValues(ResourceGraph graph)
    {
        // Layouts per graph, not per process: type names come from the artifact, so a process-wide table would grow
        // with every hostile type a long-lived policy pack is shown.
        var layouts = new Dictionary<string, Layout>(StringComparer.Ordinal);
        string? lastType = null;
        Layout layout = LayoutOf("", layouts);
        var values = new PropertyValue[8];
        // Per isolation key that is also a literal key, what one walk of its value found (Found | Secret | Unknown).
        var found = new byte[8];
        foreach (var node in graph.Resources)
        {
            if (!node.Custom) continue;
            // The graph is in URN order, so resources of a type come together: the layout is looked up once per run.
            if (!ReferenceEquals(node.Type, lastType)) layout = LayoutOf(lastType = node.Type, layouts);
            var keys = layout.Keys;
            if (values.Length < keys.Length) (values, found) = (new PropertyValue[keys.Length], new byte[keys.Length]);
            // Written through a span: a store into a PropertyValue[] checks the value's type against the array's
            // (arrays are covariant), a helper call per key that was a fifth of this walk.
            var slots = values.AsSpan(0, keys.Length);
            for (var k = 0; k < slots.Length; k++) slots[k] = node.Input(keys[k]);
            for (var k = 0; k < layout.IsolationCount; k++)
            {
                var value = values[k];
                found[k] = 0;
                if (value.IsNull) continue;
                SettingsRead++;
                bool secret;
                if (layout.AlsoLiteral[k])
                {
                    // Both questions in one walk: a value such as a list of security rules is a tree of many nodes.
                    bool unknown = false;
                    secret = false;
                    Scan(value, ref secret, ref unknown);
                    found[k] = (byte)(Found | (secret ? Secret : 0) | (unknown ? Unknown : 0));
                }
                else secret = value.ContainsSecret;
                if (secret) (_secrets ??= []).Add((node, keys[k], value));
            }
            foreach (var at in layout.LiteralAt)
            {
                var value = values[at];
                if (value.IsNull) continue;
                LiteralsRead++;
                var unknown = at < layout.IsolationCount && (found[at] & Found) != 0 ? (found[at] & Unknown) != 0 : value.ContainsUnknown;
                if (unknown) (_unknownLiterals ??= []).Add((node, keys[at]));
            }
        }
    }

    private const byte Found = 1, Secret = 2, Unknown = 4;

    /// <summary><see cref="PropertyValue.ContainsSecret"/> and <see cref="PropertyValue.ContainsUnknown"/> of a value at once.</summary>
    private static void Scan(PropertyValue value, ref bool secret, ref bool unknown)
    {
        switch (value)
        {
            case StringValue or NullValue or BoolValue or NumberValue or ResourceRefValue:
                return;
            case SecretValue:
                secret = true;
                return;
            case UnknownValue:
                unknown = true;
                return;
            case ListValue list:
                foreach (var item in list.Items) Scan(item, ref secret, ref unknown);
                return;
            case MapValue map:
                foreach (var field in map.Entries) Scan(field.Value, ref secret, ref unknown);
                return;
            default:
                // Any other kind of value answers for itself.
                secret |= value.ContainsSecret;
                unknown |= value.ContainsUnknown;
                return;
        }
    }

    public static IsolationValues For(ResourceGraph graph) => Cache.GetValue(graph, static g => new IsolationValues(g));

    private List<(ResourceNode Node, string Key, PropertyValue Value)>? _secrets;
    private List<(ResourceNode Node, string Key)>? _unknownLiterals;

    /// <summary>How many isolation settings are set (not null) on the graph's custom resources.</summary>
    public int SettingsRead { get; }

    /// <summary>How many literal isolation settings are set on the graph's custom resources.</summary>
    public int LiteralsRead { get; }

    /// <summary>The isolation settings that hold a secret, with their values.</summary>
    public IReadOnlyList<(ResourceNode Node, string Key, PropertyValue Value)> Secrets => _secrets ?? [];

    /// <summary>The literal isolation settings that hold a value not known until deploy.</summary>
    public IReadOnlyList<(ResourceNode Node, string Key)> UnknownLiterals => _unknownLiterals ?? [];

    private static Layout LayoutOf(string type, Dictionary<string, Layout> layouts)
    {
        if (layouts.TryGetValue(type, out var known)) return known;
        var t = type;
        var isolation = IsolationSettings.KeysOf(t);
        var literals = IsolationSettings.LiteralKeysOf(t);
        var keys = new List<string>(isolation);
        var literalAt = new int[literals.Length];
        for (var i = 0; i < literals.Length; i++)
        {
            var at = keys.IndexOf(literals[i]);
            if (at < 0) { at = keys.Count; keys.Add(literals[i]); }
            literalAt[i] = at;
        }
        return layouts[type] = new Layout([.. keys], isolation.Length, literalAt);
    }
}
