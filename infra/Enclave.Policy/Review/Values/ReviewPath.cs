using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Values;

/// <summary>
/// Property paths as reviewers read them and Pulumi's detailedDiff writes them: <c>ingressSecurityRules[0].source</c>.
/// Keys that would be ambiguous in that syntax (dots, brackets, quotes, spaces) are written <c>["a.b"]</c>. A list
/// item matched by its identity rather than its position is written <c>ingressSecurityRules{tcp 10.0.0.0/16 port 22}</c>.
/// </summary>
public static class ReviewPath
{
    public static string Key(string parent, string key)
    {
        if (NeedsQuoting(key)) return $"{parent}[{ValueText.Quote(key)}]";
        return parent.Length == 0 ? key : $"{parent}.{key}";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The first key of a path: the top-level input it belongs to.</summary>
    public static string TopKey(string path)
    {
        if (path.StartsWith("[\"", StringComparison.Ordinal))
        {
            var end = path.IndexOf("\"]", 2, StringComparison.Ordinal);
            return end < 0 ? path : path[2..end];
        }
        var stop = path.IndexOfAny(['.', '[', '{']);
        return stop < 0 ? path : path[..stop];
    }

    /// <summary>Follows a detailedDiff path into a value; null when the path is absent or not parseable.</summary>
    public static PropertyValue? Lookup(MapValue root, string path)
    {
        IReadOnlyList<PathSegment> segments;
        try { segments = PropertyPath.Parse(path); }
        catch (FormatException) { return null; }
        PropertyValue current = root;
        foreach (var s in segments)
        {
            switch (current)
            {
                case MapValue m when s.Key is not null:
                    if (!m.TryGetValue(s.Key, out var next)) return null;
                    current = next;
                    break;
                case ListValue l when s.Index is int i:
                    if (i < 0 || i >= l.Items.Length) return null;
                    current = l.Items[i];
                    break;
                case SecretValue or UnknownValue:
                    return current; // what lies inside a secret or an unknown is a secret or unknown too
                default:
                    return null;
            }
        }
        return current;
    }

    private static bool NeedsQuoting(string key)
    {
        if (key.Length == 0) return true;
        foreach (var c in key)
            if (c is '.' or '[' or ']' or '{' or '}' or '"' or ' ' || char.IsControl(c)) return true;
        return false;
    }
}
