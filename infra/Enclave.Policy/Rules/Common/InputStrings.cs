using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// Every string among the inputs of every resource of one graph, and a null for every value not known until deploy,
/// gathered in one walk. ENC-NET-008 and ENC-GOV-005 both read all of them, and enumerating the graph's immutable maps
/// costs more than either rule's own test, so the walk is done once per graph and shared. Paths are not kept: the
/// rare finding that names one walks that resource again (<see cref="LeavesOf"/>).
/// </summary>
public sealed class InputStrings
{
    private static readonly ConditionalWeakTable<ResourceGraph, InputStrings> Cache = new();

    private readonly List<string?> _strings;
    /// <summary>Where each resource's strings start in <see cref="_strings"/> (graph order), plus the end.</summary>
    private readonly int[] _start;

    private InputStrings(ResourceGraph graph)
    {
        var resources = graph.Resources;
        // A resource holds a handful of strings: sized so that the list seldom grows.
        _strings = new List<string?>(resources.Length * 8);
        _start = new int[resources.Length + 1];
        for (var i = 0; i < resources.Length; i++)
        {
            _start[i] = _strings.Count;
            Collect(resources[i].Inputs);
        }
        _start[resources.Length] = _strings.Count;
    }

    public static InputStrings For(ResourceGraph graph) => Cache.GetValue(graph, g => new InputStrings(g));

    /// <summary>The input strings of <c>graph.Resources[index]</c> in <see cref="PropertyWalk.Leaves"/> order; null for an unknown.</summary>
    public ReadOnlySpan<string?> Of(int index) => CollectionsMarshal.AsSpan(_strings)[_start[index].._start[index + 1]];

    /// <summary>
    /// The leaves (with their paths, <c>a.b[2].c</c>) behind <see cref="Of"/> for <paramref name="node"/>, position for
    /// position. A rule asks only when it must name a path or judge an unknown, and then once per resource.
    /// </summary>
    public static List<PropertyLeaf> LeavesOf(ResourceNode node) =>
        PropertyWalk.Leaves(node.Inputs).Where(l => l.Value is StringValue or UnknownValue).ToList();

    private void Collect(PropertyValue value)
    {
        switch (value)
        {
            case MapValue m:
                foreach (var field in m.Entries) Collect(field.Value);
                break;
            case ListValue l:
                foreach (var item in l.Items) Collect(item);
                break;
            case StringValue s:
                _strings.Add(s.Value);
                break;
            case UnknownValue:
                _strings.Add(null);
                break;
        }
    }
}
