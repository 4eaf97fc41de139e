using System.Text;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// The path of the value being read (<c>$.deployment.resources[12].inputs.tags</c>), kept as a stack the readers push
/// and pop as they descend, and formatted only when an error names it: a large input costs no string per value.
/// </summary>
internal sealed class JsonPath
{
    private string?[] _names = new string?[32];
    private int[] _indexes = new int[32];
    private int _depth;

    /// <summary>How deep the path is; <see cref="Truncate"/> returns to it after an error was caught and handled.</summary>
    public int Depth => _depth;

    public void Push(string name)
    {
        Grow();
        _names[_depth] = name;
        _indexes[_depth++] = -1;
    }

    public void Push(int index)
    {
        Grow();
        _names[_depth] = null;
        _indexes[_depth++] = index;
    }

    /// <summary>Replaces the last segment's index (the next item of the same list).</summary>
    public void SetIndex(int index) => _indexes[_depth - 1] = index;

    public void Pop() => _depth--;

    public void Truncate(int depth) => _depth = depth;

    public override string ToString()
    {
        var sb = new StringBuilder("$");
        for (var i = 0; i < _depth; i++)
        {
            if (_names[i] is { } name) AppendName(sb, name);
            else sb.Append('[').Append(_indexes[i]).Append(']');
        }
        return sb.ToString();
    }

    /// <summary>Plain keys as <c>.key</c>; keys with dots, brackets, quotes or spaces as <c>["key"]</c>.</summary>
    private static void AppendName(StringBuilder sb, string name)
    {
        var plain = name.Length > 0 && name.AsSpan().IndexOfAny(".[]\"' \\") < 0 && !name.Any(char.IsControl);
        if (plain) sb.Append('.').Append(name);
        else sb.Append("[\"").Append(name.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"]");
    }

    private void Grow()
    {
        if (_depth < _names.Length) return;
        Array.Resize(ref _names, _names.Length * 2);
        Array.Resize(ref _indexes, _indexes.Length * 2);
    }
}
