namespace Enclave.Policy.Graph;

/// <summary>One step of a property path: a map key or a list index (the syntax of Pulumi's detailedDiff keys).</summary>
public readonly record struct PathSegment(string? Key, int? Index);

public static class PropertyPath
{
    /// <summary>Parses <c>a.b[2].c</c> into segments. Keys may not contain '.', '[' or ']'.</summary>
    public static IReadOnlyList<PathSegment> Parse(string path)
    {
        var segments = new List<PathSegment>();
        foreach (var segment in Segments(path)) segments.Add(segment);
        return segments;
    }

    /// <summary>The segments of <paramref name="path"/> read one at a time, without a list (see <see cref="Parse"/>).</summary>
    public static SegmentReader Segments(string path) => new(path);

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

    /// <summary>Reads a path's segments in place; a malformed index throws when it is reached.</summary>
    public struct SegmentReader(string path)
    {
        private int _next;

        public PathSegment Current { get; private set; }

        public readonly SegmentReader GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_next < path.Length && path[_next] == '.') _next++;
            if (_next >= path.Length) return false;
            var i = _next;
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0 || !int.TryParse(path.AsSpan(i + 1, close - i - 1), out var index))
                    throw new FormatException($"bad index in property path '{path}' at {i + 1}");
                Current = new PathSegment(null, index);
                _next = close + 1;
                return true;
            }
            var end = path.AsSpan(i).IndexOfAny('.', '[');
            _next = end < 0 ? path.Length : i + end;
            Current = new PathSegment(path[i.._next], null);
            return true;
        }
    }
}
