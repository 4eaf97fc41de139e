using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// Every string among the inputs of every resource of one graph, and a null for every value not known until deploy,
/// gathered in one walk. ENC-NET-008 and ENC-GOV-005 both read all of them, and enumerating the graph's immutable maps
/// costs more than either rule's own test, so the walk is done once per graph and shared. The same walk marks each
/// string with both rules' cheap first tests (<see cref="Marks"/>): reading a string's characters costs a trip to
/// memory on a large graph, so they are read once, not once per rule. Paths are not kept: the rare finding that names
/// one walks that resource again (<see cref="LeavesOf"/>).
/// </summary>
public sealed class InputStrings
{
    private static readonly ConditionalWeakTable<ResourceGraph, InputStrings> Cache = new();

    /// <summary>What the first tests found in a string.</summary>
    [Flags]
    public enum Marks : byte
    {
        None = 0,
        /// <summary>Starts with a digit or holds ':' or ';': may hold an address or CIDR (ENC-NET-008 looks closer).</summary>
        MayBeAddress = 1,
        /// <summary>Holds one of the parent-company identity strings, case-insensitively (ENC-GOV-005 looks closer).</summary>
        MayNameParent = 2,
    }

    private readonly List<string?> _strings;
    private readonly List<Marks> _marks;
    /// <summary>Where each resource's strings start in <see cref="_strings"/> (graph order), plus the end.</summary>
    private readonly int[] _start;
    private readonly ParentExclusions _parent;
    private readonly SearchValues<string>? _needleSearch;
    /// <summary>Which resources have a map key <c>namespace</c> or <c>….namespace</c> at any depth (ENC-STO-030).</summary>
    private readonly bool[] _namespaceKey;
    private bool _sawNamespaceKey;

    private InputStrings(ResourceGraph graph, ParentExclusions parent)
    {
        _parent = parent;
        Needles = IdentityNeedles(parent);
        _needleSearch = Needles.Length == 0 ? null : SearchValues.Create(Needles, StringComparison.OrdinalIgnoreCase);
        var resources = graph.Resources;
        // A resource holds a handful of strings: sized so that the list seldom grows.
        _strings = new List<string?>(resources.Length * 8);
        _marks = new List<Marks>(resources.Length * 8);
        _start = new int[resources.Length + 1];
        _namespaceKey = new bool[resources.Length];
        for (var i = 0; i < resources.Length; i++)
        {
            _start[i] = _strings.Count;
            _sawNamespaceKey = false;
            Collect(resources[i].Inputs);
            _namespaceKey[i] = _sawNamespaceKey;
        }
        _start[resources.Length] = _strings.Count;
    }

    /// <summary>The graph's input strings, marked for the context's parent exclusions (made again if those differ).</summary>
    public static InputStrings For(RuleContext context)
    {
        if (Cache.TryGetValue(context.Graph, out var cached) && ReferenceEquals(cached._parent, context.Policy.Parent)) return cached;
        var made = new InputStrings(context.Graph, context.Policy.Parent);
        Cache.AddOrUpdate(context.Graph, made);
        return made;
    }

    /// <summary>The parent-company identity strings searched for: non-empty, each once (case-insensitively).</summary>
    public string[] Needles { get; }

    private static string[] IdentityNeedles(ParentExclusions parent) =>
        parent.IdentityStrings.Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>
    /// Does an input of <c>graph.Resources[index]</c> not known until deploy matter to a rule? <paramref name="matters"/>
    /// is asked with each unknown's leaf (its path), first to last, until one does. <paramref name="leaves"/> keeps
    /// the resource's leaves for the caller's own paths (made at most once per resource).
    /// </summary>
    public bool AnyUnknownThat(int index, ResourceNode node, Func<ResourceNode, PropertyLeaf, bool> matters,
        ref List<PropertyLeaf>? leaves)
    {
        var inputs = Of(index);
        for (var at = 0; at < inputs.Length; at++)
            if (inputs[at] is null && matters(node, (leaves ??= LeavesOf(node))[at])) return true;
        return false;
    }

    /// <summary>
    /// Does an input of <c>graph.Resources[index]</c> hold a map key <c>namespace</c> (or one ending in
    /// <c>.namespace</c>), at any depth? ENC-STO-030 looks closer only at those: walking every resource's inputs again
    /// to find the few was most of that rule's time.
    /// </summary>
    public bool HasNamespaceKey(int index) => _namespaceKey[index];

    /// <summary>Is the key <c>namespace</c> or does it end in <c>.namespace</c>? (Its last character first: most keys end otherwise.)</summary>
    public static bool IsNamespaceKey(string key) =>
        key.Length >= Namespace.Length && key[^1] == 'e' &&
        (key.Length == Namespace.Length ? key == Namespace : key.EndsWith(".namespace", StringComparison.Ordinal));

    private const string Namespace = "namespace";

    /// <summary>The marks of <see cref="Of"/>'s strings, position for position (None for an unknown).</summary>
    public ReadOnlySpan<Marks> MarksOf(int index) => CollectionsMarshal.AsSpan(_marks)[_start[index].._start[index + 1]];

    /// <summary>The input strings of <c>graph.Resources[index]</c> in <see cref="PropertyWalk.Leaves"/> order; null for an unknown.</summary>
    public ReadOnlySpan<string?> Of(int index) => CollectionsMarshal.AsSpan(_strings)[_start[index].._start[index + 1]];

    /// <summary>
    /// The leaves (with their paths, <c>a.b[2].c</c>) behind <see cref="Of"/> for <paramref name="node"/>, position for
    /// position. A rule asks only when it must name a path or judge an unknown, and then once per resource.
    /// </summary>
    public static List<PropertyLeaf> LeavesOf(ResourceNode node) =>
        PropertyWalk.Leaves(node.Inputs).Where(l => l.Value is StringValue or UnknownValue).ToList();

    private Marks Mark(string s)
    {
        var marks = Marks.None;
        var text = s.AsSpan();
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text.IndexOfAny(':', ';') >= 0)) marks |= Marks.MayBeAddress;
        if (_needleSearch is not null && text.IndexOfAny(_needleSearch) >= 0) marks |= Marks.MayNameParent;
        return marks;
    }

    private void Collect(PropertyValue value)
    {
        switch (value)
        {
            case MapValue m:
                foreach (var field in m.Entries)
                {
                    if (IsNamespaceKey(field.Key)) _sawNamespaceKey = true;
                    Collect(field.Value);
                }
                break;
            case ListValue l:
                foreach (var item in l.Items) Collect(item);
                break;
            case StringValue s:
                _strings.Add(s.Value);
                _marks.Add(Mark(s.Value));
                break;
            case UnknownValue:
                _strings.Add(null);
                _marks.Add(Marks.None);
                break;
        }
    }
}
