using System.Collections;
using System.Collections.Immutable;

namespace Pulumi;

/// <summary>
/// A list input whose elements may each be plain values or outputs. Supports collection-initializer syntax
/// (<c>{ "a", output }</c>) through <see cref="Add(Input{T}[])"/>; enumerating it synchronously is not supported.
/// </summary>
public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable, IAsyncEnumerable<Input<T>>
{
    public InputList() : this(Output.Create(ImmutableArray<T>.Empty))
    {
    }

    private InputList(Output<ImmutableArray<T>> values) : base(values)
    {
    }

    public void Add(params Input<T>[] inputs) => _outputValue = Output.Concat(_outputValue, Output.All(inputs));

    public void Add(InputList<T> inputs) => AddRange(inputs);

    public void AddRange(InputList<T> inputs) => _outputValue = Output.Concat(_outputValue, inputs._outputValue);

    public InputList<T> Concat(InputList<T> other) => Output.Concat(_outputValue, other._outputValue);

    /// <summary>A copy that later additions to this list do not affect (options are cloned with this).</summary>
    internal InputList<T> Clone() => new(_outputValue);

    public static implicit operator InputList<T>(T value) => ImmutableArray.Create<Input<T>>(value);

    public static implicit operator InputList<T>(T[] values) => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(List<T> values) => ImmutableArray.CreateRange(values);

    public static implicit operator InputList<T>(ImmutableArray<T> values) => ImmutableArray.CreateRange(values, v => (Input<T>)v);

    public static implicit operator InputList<T>(Output<T> value) => ImmutableArray.Create<Input<T>>(value);

    public static implicit operator InputList<T>(Output<T>[] values) => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(List<Output<T>> values) => ImmutableArray.CreateRange(values);

    public static implicit operator InputList<T>(ImmutableArray<Output<T>> values) => ImmutableArray.CreateRange(values, v => (Input<T>)v);

    public static implicit operator InputList<T>(Input<T> value) => ImmutableArray.Create(value);

    public static implicit operator InputList<T>(Input<T>[] values) => ImmutableArray.CreateRange(values);

    public static implicit operator InputList<T>(List<Input<T>> values) => ImmutableArray.CreateRange(values);

    public static implicit operator InputList<T>(ImmutableArray<Input<T>> values) => new(Output.All(values));

    public static implicit operator InputList<T>(Output<T[]> values) => values.Apply(a => ImmutableArray.CreateRange(a));

    public static implicit operator InputList<T>(Output<List<T>> values) => values.Apply(a => ImmutableArray.CreateRange(a));

    public static implicit operator InputList<T>(Output<IEnumerable<T>> values) => values.Apply(a => ImmutableArray.CreateRange(a));

    public static implicit operator InputList<T>(Output<ImmutableArray<T>> values) => new(values);

    IEnumerator IEnumerable.GetEnumerator()
        => throw new NotSupportedException($"A {GetType().FullName} cannot be synchronously enumerated. Use {nameof(GetAsyncEnumerator)} instead.");

    public async IAsyncEnumerator<Input<T>> GetAsyncEnumerator(CancellationToken cancellationToken)
    {
        var data = await _outputValue.DataTask.ConfigureAwait(false);
        if (data.Value.IsDefault)
        {
            yield break;
        }
        foreach (var value in data.Value)
        {
            yield return value;
        }
    }
}

/// <summary>Adds union cases to a list of unions without spelling out the union type.</summary>
public static class InputListExtensions
{
    public static void Add<T0, T1>(this InputList<Union<T0, T1>> list, Input<T0> value)
        => list.Add(value.ToOutput().Apply(Union<T0, T1>.FromT0));

    public static void Add<T0, T1>(this InputList<Union<T0, T1>> list, Input<T1> value)
        => list.Add(value.ToOutput().Apply(Union<T0, T1>.FromT1));
}
