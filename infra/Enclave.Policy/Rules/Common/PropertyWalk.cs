using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>Visits every scalar inside a value with its path (<c>a.b[2].c</c>).</summary>
public static class PropertyWalk
{
    /// <summary>
    /// Was the top-level input holding <paramref name="path"/> built from other resources of the stack (its
    /// property dependencies say so)? An unknown value there is an id or name the engine fills in, not text the
    /// program wrote.
    /// </summary>
    public static bool FromResource(ResourceNode node, string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        var key = end < 0 ? path : path[..end];
        return node.PropertyDependencies.TryGetValue(key, out var deps) && deps.Length > 0;
    }

    public static IEnumerable<(string Path, PropertyValue Value)> Leaves(PropertyValue value, string path = "")
    {
        switch (value)
        {
            case MapValue m:
                foreach (var (k, v) in m.Fields)
                foreach (var x in Leaves(v, path.Length == 0 ? k : $"{path}.{k}")) yield return x;
                break;
            case ListValue l:
                for (var i = 0; i < l.Items.Length; i++)
                foreach (var x in Leaves(l.Items[i], $"{path}[{i}]")) yield return x;
                break;
            default:
                yield return (path, value);
                break;
        }
    }
}
