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
    private sealed record Layout(string[] Keys, int IsolationCount, int[] LiteralAt);

    private IsolationValues(ResourceGraph graph)
    {
        // Layouts per graph, not per process: type names come from the artifact, so a process-wide table would grow
        // with every hostile type a long-lived policy pack is shown.
        var layouts = new Dictionary<string, Layout>(StringComparer.Ordinal);
        string? lastType = null;
        Layout layout = LayoutOf("", layouts);
        var values = new PropertyValue[8];
        foreach (var node in graph.Resources)
        {
            if (!node.Custom) continue;
            // The graph is in URN order, so resources of a type come together: the layout is looked up once per run.
            if (!ReferenceEquals(node.Type, lastType)) layout = LayoutOf(lastType = node.Type, layouts);
            var keys = layout.Keys;
            if (values.Length < keys.Length) values = new PropertyValue[keys.Length];
            for (var k = 0; k < keys.Length; k++) values[k] = node.Input(keys[k]);
            for (var k = 0; k < layout.IsolationCount; k++)
            {
                var value = values[k];
                if (value.IsNull) continue;
                SettingsRead++;
                if (value.ContainsSecret) (_secrets ??= []).Add((node, keys[k], value));
            }
            foreach (var at in layout.LiteralAt)
            {
                var value = values[at];
                if (value.IsNull) continue;
                LiteralsRead++;
                if (value.ContainsUnknown) (_unknownLiterals ??= []).Add((node, keys[at]));
            }
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
