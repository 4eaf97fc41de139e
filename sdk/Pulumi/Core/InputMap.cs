using System.Collections;
using System.Collections.Immutable;

namespace Pulumi;

/// <summary>
/// A string-keyed map input whose values may be plain values or outputs. Supports collection-initializer and
/// indexer syntax; synchronous enumeration is not supported.
/// </summary>
/// <remarks>
/// Like <see cref="InputList{T}"/>, a map built from entries keeps them, so the serializer sends each value as it is
/// (one unknown or secret value stays one entry on the wire), as the official SDK does; a map built from an output of
/// a whole dictionary is that output. As in the official SDK, adding a key twice (also through the indexer) is an
/// error.
/// </remarks>
public sealed class InputMap<TValue> : Input<ImmutableDictionary<string, TValue>>, IEnumerable,
    IAsyncEnumerable<Input<KeyValuePair<string, TValue>>>
{
    private ImmutableDictionary<string, Input<TValue>>? _entries;

    public InputMap() : this(ImmutableDictionary<string, Input<TValue>>.Empty)
    {
    }

    private InputMap(ImmutableDictionary<string, Input<TValue>> entries)
    {
        _entries = entries;
    }

    private InputMap(Output<ImmutableDictionary<string, TValue>> values) : base(values)
    {
    }

    private protected override Output<ImmutableDictionary<string, TValue>> BuildOutput()
    {
        var entries = _entries!.ToImmutableArray();
        var keys = entries.Select(e => e.Key).ToImmutableArray();
        return Output.All(entries.Select(e => e.Value)).ApplyKnown(values =>
        {
            var builder = ImmutableDictionary.CreateBuilder<string, TValue>();
            for (var i = 0; i < keys.Length; i++)
            {
                builder.Add(keys[i], values[i]);
            }
            return builder.ToImmutable();
        });
    }

    internal override IEnumerable? InputElements => _entries;

    public void Add(string key, Input<TValue> value)
    {
        if (_entries is { } entries)
        {
            _entries = entries.Add(key, value);
            _outputValue = null;
        }
        else
        {
            _outputValue = Output.Tuple(OutputValue, value.ToOutput()).ApplyKnown(t => t.Item1.Add(key, t.Item2));
        }
    }

    public void Add(InputMap<TValue> values) => AddRange(values);

    public void AddRange(InputMap<TValue> values)
    {
        if (_entries is { } entries && values._entries is { } others)
        {
            _entries = entries.AddRange(others);
            _outputValue = null;
        }
        else
        {
            _outputValue = Output.Tuple(OutputValue, values.OutputValue).ApplyKnown(t => t.Item1.AddRange(t.Item2));
            _entries = null;
        }
    }

    public Input<TValue> this[string key]
    {
        set => Add(key, value);
    }

    /// <summary>A map with the entries of both; on duplicate keys the second wins.</summary>
    public static InputMap<TValue> Merge(InputMap<TValue> first, InputMap<TValue> second)
        => first._entries is { } a && second._entries is { } b
            ? new InputMap<TValue>(a.SetItems(b))
            : Output.Tuple(first.OutputValue, second.OutputValue).ApplyKnown(t => t.Item1.SetItems(t.Item2));

    internal InputMap<TValue> Clone() => _entries is { } entries ? new(entries) : new(OutputValue);

    public static implicit operator InputMap<TValue>(Dictionary<string, TValue> values)
        => new(values.ToImmutableDictionary(kv => kv.Key, kv => (Input<TValue>)kv.Value));

    public static implicit operator InputMap<TValue>(ImmutableDictionary<string, TValue> values)
        => new(values.ToImmutableDictionary(kv => kv.Key, kv => (Input<TValue>)kv.Value));

    public static implicit operator InputMap<TValue>(Output<Dictionary<string, TValue>> values)
        => values.ApplyKnown(d => d.ToImmutableDictionary());

    public static implicit operator InputMap<TValue>(Output<IDictionary<string, TValue>> values)
        => values.ApplyKnown(d => d.ToImmutableDictionary());

    public static implicit operator InputMap<TValue>(Output<ImmutableDictionary<string, TValue>> values)
        => new(values);

    IEnumerator IEnumerable.GetEnumerator()
        => throw new NotSupportedException($"A {GetType().FullName} cannot be synchronously enumerated. Use {nameof(GetAsyncEnumerator)} instead.");

    public async IAsyncEnumerator<Input<KeyValuePair<string, TValue>>> GetAsyncEnumerator(CancellationToken cancellationToken)
    {
        if (_entries is { } entries)
        {
            foreach (var (key, value) in entries)
            {
                yield return value.ToOutput().ApplyKnown(v => KeyValuePair.Create(key, v));
            }
            yield break;
        }
        var data = await OutputValue.DataTask.ConfigureAwait(false);
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
        => map.Add(key, value.ToOutput().ApplyKnown(Union<T0, T1>.FromT0));

    public static void Add<T0, T1>(this InputMap<Union<T0, T1>> map, string key, Input<T1> value)
        => map.Add(key, value.ToOutput().ApplyKnown(Union<T0, T1>.FromT1));
}
