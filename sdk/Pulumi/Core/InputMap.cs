using System.Collections;
using System.Collections.Immutable;

namespace Pulumi;

/// <summary>
/// A string-keyed map input whose values may be plain values or outputs. Supports collection-initializer and
/// indexer syntax; synchronous enumeration is not supported.
/// </summary>
public sealed class InputMap<TValue> : Input<ImmutableDictionary<string, TValue>>, IEnumerable, IAsyncEnumerable<Input<KeyValuePair<string, TValue>>>
{
    public InputMap() : this(Output.Create(ImmutableDictionary<string, TValue>.Empty))
    {
    }

    private InputMap(Output<ImmutableDictionary<string, TValue>> values) : base(values)
    {
    }

    public void Add(string key, Input<TValue> value)
        => _outputValue = Output.Tuple(_outputValue, value.ToOutput()).Apply(t => t.Item1.Add(key, t.Item2));

    public void Add(InputMap<TValue> values) => AddRange(values);

    public void AddRange(InputMap<TValue> values)
        => _outputValue = Output.Tuple(_outputValue, values._outputValue).Apply(t => t.Item1.AddRange(t.Item2));

    public Input<TValue> this[string key]
    {
        set => _outputValue = Output.Tuple(_outputValue, value.ToOutput()).Apply(t => t.Item1.SetItem(key, t.Item2));
    }

    /// <summary>A map with the entries of both; on duplicate keys the second wins.</summary>
    public static InputMap<TValue> Merge(InputMap<TValue> first, InputMap<TValue> second)
        => Output.Tuple(first._outputValue, second._outputValue).Apply(t => t.Item1.SetItems(t.Item2));

    internal InputMap<TValue> Clone() => new(_outputValue);

    public static implicit operator InputMap<TValue>(Dictionary<string, TValue> values)
        => Output.Create(values.ToImmutableDictionary());

    public static implicit operator InputMap<TValue>(ImmutableDictionary<string, TValue> values)
        => Output.Create(values);

    public static implicit operator InputMap<TValue>(Output<Dictionary<string, TValue>> values)
        => values.Apply(d => d.ToImmutableDictionary());

    public static implicit operator InputMap<TValue>(Output<IDictionary<string, TValue>> values)
        => values.Apply(d => d.ToImmutableDictionary());

    public static implicit operator InputMap<TValue>(Output<ImmutableDictionary<string, TValue>> values)
        => new(values);

    IEnumerator IEnumerable.GetEnumerator()
        => throw new NotSupportedException($"A {GetType().FullName} cannot be synchronously enumerated. Use {nameof(GetAsyncEnumerator)} instead.");

    public async IAsyncEnumerator<Input<KeyValuePair<string, TValue>>> GetAsyncEnumerator(CancellationToken cancellationToken)
    {
        var data = await _outputValue.DataTask.ConfigureAwait(false);
        if (data.Value is null)
        {
            yield break;
        }
        foreach (var pair in data.Value)
        {
            yield return pair;
        }
    }
}

/// <summary>Adds union cases to a map of unions without spelling out the union type.</summary>
public static class InputMapExtensions
{
    public static void Add<T0, T1>(this InputMap<Union<T0, T1>> map, string key, Input<T0> value)
        => map.Add(key, value.ToOutput().Apply(Union<T0, T1>.FromT0));

    public static void Add<T0, T1>(this InputMap<Union<T0, T1>> map, string key, Input<T1> value)
        => map.Add(key, value.ToOutput().Apply(Union<T0, T1>.FromT1));
}
