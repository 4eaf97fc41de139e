using System.Collections.Immutable;
using System.Globalization;

namespace Enclave.Tests.Support;

/// <summary>
/// One resource as the mock engine saw it: type token, logical name, inputs by wire name (numbers as double, nested
/// objects as dictionaries, lists as arrays, secrets unwrapped), provider reference, the id the fake cloud gave it
/// and the state it answered with.
/// </summary>
public sealed record Registered(
    string Type,
    string Name,
    ImmutableDictionary<string, object> Inputs,
    string Provider,
    string Id,
    ImmutableDictionary<string, object> State)
{
    public object? this[string path] => Values.At(Inputs, path);

    public string? Str(string path) => this[path] as string;
    public bool? Bool(string path) => this[path] as bool?;
    public double? Num(string path) => this[path] is double d ? d : this[path] is int i ? i : null;
    public IReadOnlyList<object?> List(string path) => this[path] is IEnumerable<object?> list
        ? [.. list] : [];
    public IReadOnlyList<string> Strings(string path) => [.. List(path).OfType<string>()];

    public override string ToString() => $"{Type}::{Name}";

    /// <summary>A copy with one input set (or removed, when <paramref name="value"/> is null); nested paths allowed.</summary>
    public Registered With(string path, object? value) => this with { Inputs = Values.Set(Inputs, path, value) };
}

/// <summary>Navigation of the mock engine's input values by dotted path (<c>a.b[0].c</c>).</summary>
public static class Values
{
    public static object? At(object? root, string path)
    {
        var current = root;
        foreach (var (key, index) in Segments(path))
        {
            current = current is IReadOnlyDictionary<string, object?> map && map.TryGetValue(key, out var v) ? v : null;
            if (index is { } i)
                current = current is IEnumerable<object?> list && list.ElementAtOrDefault(i) is { } e ? e : null;
            if (current is null) return null;
        }
        return current;
    }

    public static ImmutableDictionary<string, object> Set(ImmutableDictionary<string, object> root, string path, object? value)
    {
        var segments = Segments(path).ToList();
        return (ImmutableDictionary<string, object>)SetIn(root, segments, 0, value)!;
    }

    private static object? SetIn(object? node, List<(string Key, int? Index)> segments, int at, object? value)
    {
        var (key, index) = segments[at];
        var map = node switch
        {
            ImmutableDictionary<string, object> m => m,
            IReadOnlyDictionary<string, object?> m => m.Where(kv => kv.Value is not null)
                .ToImmutableDictionary(kv => kv.Key, kv => kv.Value!),
            _ => ImmutableDictionary<string, object>.Empty,
        };
        map.TryGetValue(key, out var child);
        object? replaced;
        if (index is { } i)
        {
            var list = (child as IEnumerable<object?>)?.ToList() ?? [];
            while (list.Count <= i) list.Add(null);
            list[i] = at == segments.Count - 1 ? value : SetIn(list[i], segments, at + 1, value);
            replaced = list.ToImmutableArray();
        }
        else replaced = at == segments.Count - 1 ? value : SetIn(child, segments, at + 1, value);
        return replaced is null ? map.Remove(key) : map.SetItem(key, replaced);
    }

    private static IEnumerable<(string Key, int? Index)> Segments(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0) yield return (part, null);
            else yield return (part[..bracket],
                int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Every string anywhere inside a value (dictionary values, list items, nested).</summary>
    public static IEnumerable<string> AllStrings(object? value) => value switch
    {
        string s => [s],
        IReadOnlyDictionary<string, object?> map => map.Values.SelectMany(AllStrings),
        IEnumerable<object?> list => list.SelectMany(AllStrings),
        _ => [],
    };
}
