namespace Enclave.Policy.Graph;

/// <summary>One step of a property path: a map key or a list index (the syntax of Pulumi's detailedDiff keys).</summary>
public readonly record struct PathSegment(string? Key, int? Index);

public static class PropertyPath
{
    /// <summary>Parses <c>a.b[2].c</c> into segments. Keys may not contain '.', '[' or ']'.</summary>
    public static IReadOnlyList<PathSegment> Parse(string path)
    {
        var segments = new List<PathSegment>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.') { i++; continue; }
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0 || !int.TryParse(path.AsSpan(i + 1, close - i - 1), out var index))
                    throw new FormatException($"bad index in property path '{path}' at {i + 1}");
                segments.Add(new PathSegment(null, index));
                i = close + 1;
                continue;
            }
            var end = path.IndexOfAny(['.', '['], i);
            if (end < 0) end = path.Length;
            segments.Add(new PathSegment(path[i..end], null));
            i = end;
        }
        return segments;
    }

    public static string Format(IEnumerable<PathSegment> segments)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var s in segments)
        {
            if (s.Index is int idx) sb.Append('[').Append(idx).Append(']');
            else { if (sb.Length > 0) sb.Append('.'); sb.Append(s.Key); }
        }
        return sb.ToString();
    }
}
