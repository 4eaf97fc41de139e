using System.Text;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>One scalar inside a value; its path (<c>a.b[2].c</c>) is only built when asked for.</summary>
public readonly struct PropertyLeaf(PropertyWalk.Step? at, PropertyValue value)
{
    public PropertyValue Value { get; } = value;
    public string Path => PropertyWalk.Format(at);

    /// <summary>The top-level key the leaf sits under.</summary>
    public string TopKey
    {
        get
        {
            var step = at;
            while (step?.Parent is not null) step = step.Parent;
            return step?.Key ?? "";
        }
    }

    public void Deconstruct(out string path, out PropertyValue value) => (path, value) = (Path, Value);
}

/// <summary>Visits every scalar inside a value without recursion and without building paths it is not asked for.</summary>
public static class PropertyWalk
{
    /// <summary>A step of a path: a map key or a list index, linked to its parent.</summary>
    public sealed record Step(Step? Parent, string? Key, int Index);

    public static IEnumerable<PropertyLeaf> Leaves(PropertyValue value)
    {
        var stack = new Stack<(Step? At, PropertyValue Value)>();
        stack.Push((null, value));
        while (stack.Count > 0)
        {
            var (at, current) = stack.Pop();
            switch (current)
            {
                case MapValue m:
                    foreach (var (k, v) in m.Fields.Reverse()) stack.Push((new Step(at, k, -1), v));
                    break;
                case ListValue l:
                    for (var i = l.Items.Length - 1; i >= 0; i--) stack.Push((new Step(at, null, i), l.Items[i]));
                    break;
                default:
                    yield return new PropertyLeaf(at, current);
                    break;
            }
        }
    }

    internal static string Format(Step? step)
    {
        var steps = new List<Step>();
        for (; step is not null; step = step.Parent) steps.Add(step);
        var sb = new StringBuilder();
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Key is { } key) { if (sb.Length > 0) sb.Append('.'); sb.Append(key); }
            else sb.Append('[').Append(steps[i].Index).Append(']');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Was the top-level input holding <paramref name="path"/> built from other resources of the stack (its
    /// property dependencies say so)? An unknown value there is an id or name the engine fills in, not text the
    /// program wrote.
    /// </summary>
    public static bool FromResource(ResourceNode node, string path)
    {
        var end = path.AsSpan().IndexOfAny('.', '[');
        var key = end < 0 ? path : path[..end];
        return node.PropertyDependencies.TryGetValue(key, out var deps) && deps.Length > 0;
    }
}
