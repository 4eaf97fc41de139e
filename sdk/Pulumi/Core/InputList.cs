using System.Collections;
using System.Collections.Immutable;

namespace Pulumi;

/// <summary>
/// A list input whose elements may each be plain values or outputs. Supports collection-initializer syntax
/// (<c>{ "a", output }</c>) through <see cref="Add(Input{T}[])"/>; enumerating it synchronously is not supported.
/// </summary>
/// <remarks>
/// A list built from elements keeps them (<see cref="IInput.Elements"/>), as the official SDK does: the serializer sends
/// each element as it is, so one unknown or secret element stays one element of a list on the wire instead of making
/// the whole list unknown or secret. A list built from an output of a whole list is that output. The combined
/// output of the elements is built only when asked for.
/// </remarks>
public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable, IAsyncEnumerable<Input<T>>
{
    private ImmutableArray<Input<T>>? _elements;

    public InputList() : this(ImmutableArray<Input<T>>.Empty)
    {
    }

    private InputList(ImmutableArray<Input<T>> elements)
    {
        _elements = elements;
    }

    private InputList(Output<ImmutableArray<T>> values) : base(values)
    {
    }

    private protected override Output<ImmutableArray<T>> BuildOutput() => Output.All(_elements!.Value);

    internal override IEnumerable? InputElements => _elements;

    public void Add(params Input<T>[] inputs)
    {
        if (_elements is { } elements)
        {
            _elements = elements.AddRange(inputs);
            _outputValue = null;
        }
        else
        {
            _outputValue = Output.Concat(OutputValue, Output.All(inputs));
        }
    }

    public void Add(InputList<T> inputs) => AddRange(inputs);

    public void AddRange(InputList<T> inputs)
    {
        if (_elements is { } elements && inputs._elements is { } others)
        {
            _elements = elements.AddRange(others);
            _outputValue = null;
        }
        else
        {
            _outputValue = Output.Concat(OutputValue, inputs.OutputValue);
            _elements = null;
        }
    }

    public InputList<T> Concat(InputList<T> other)
        => _elements is { } elements && other._elements is { } others
            ? new InputList<T>(elements.AddRange(others))
            : new InputList<T>(Output.Concat(OutputValue, other.OutputValue));

    /// <summary>A copy that later additions to this list do not affect (options are cloned with this).</summary>
    internal InputList<T> Clone() => _elements is { } elements ? new(elements) : new(OutputValue);

    public static implicit operator InputList<T>(T value) => ImmutableArray.Create<Input<T>>(value);

    public static implicit operator InputList<T>(T[] values) => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(List<T> values) => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(ImmutableArray<T> values) => ImmutableArray.CreateRange(values, v => (Input<T>)v);

    public static implicit operator InputList<T>(Output<T> value) => ImmutableArray.Create<Input<T>>(value);

    public static implicit operator InputList<T>(Output<T>[] values) => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(List<Output<T>> values) => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(ImmutableArray<Output<T>> values) => ImmutableArray.CreateRange(values, v => (Input<T>)v);

    public static implicit operator InputList<T>(Input<T> value) => ImmutableArray.Create(value);

    public static implicit operator InputList<T>(Input<T>[] values) => ImmutableArray.CreateRange(values);

    public static implicit operator InputList<T>(List<Input<T>> values) => ImmutableArray.CreateRange(values);

    public static implicit operator InputList<T>(ImmutableArray<Input<T>> values) => new(values);

    public static implicit operator InputList<T>(Output<T[]> values) => values.ApplyKnown(a => ImmutableArray.CreateRange(a));

    public static implicit operator InputList<T>(Output<List<T>> values) => values.ApplyKnown(a => ImmutableArray.CreateRange(a));

    public static implicit operator InputList<T>(Output<IEnumerable<T>> values) => values.ApplyKnown(a => ImmutableArray.CreateRange(a));

    public static implicit operator InputList<T>(Output<ImmutableArray<T>> values) => new(values);

    IEnumerator IEnumerable.GetEnumerator()
        => throw new NotSupportedException($"A {GetType().FullName} cannot be synchronously enumerated. Use {nameof(GetAsyncEnumerator)} instead.");

    public async IAsyncEnumerator<Input<T>> GetAsyncEnumerator(CancellationToken cancellationToken)
    {
        if (_elements is { } elements)
        {
            foreach (var element in elements)
            {
                yield return element;
            }
            yield break;
        }
        var data = await OutputValue.DataTask.ConfigureAwait(false);
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
        => list.Add(value.ToOutput().ApplyKnown(Union<T0, T1>.FromT0));

    public static void Add<T0, T1>(this InputList<Union<T0, T1>> list, Input<T1> value)
        => list.Add(value.ToOutput().ApplyKnown(Union<T0, T1>.FromT1));
}
