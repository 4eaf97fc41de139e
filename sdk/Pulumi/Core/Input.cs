namespace Pulumi;

/// <summary>
/// A value a resource argument accepts: either a plain value or an <see cref="Output{T}"/>.
/// Internally every input is an output, so consumers only ever await outputs.
/// </summary>
public class Input<T> : IInput
{
    // Mutable so that InputList/InputMap can accumulate additions; null until first asked for when a derived
    // class builds it lazily (a list of elements combines them only when someone needs the whole list).
    private protected Output<T>? _outputValue;

    /// <summary>The backing output (use the null-safe <see cref="InputExtensions.ToOutput{T}"/> from outside).</summary>
    internal Output<T> OutputValue => _outputValue ??= BuildOutput();

    private protected Input(Output<T> outputValue)
    {
        _outputValue = outputValue ?? throw new ArgumentNullException(nameof(outputValue));
    }

    /// <summary>For derived inputs that build their output on demand (<see cref="BuildOutput"/>).</summary>
    private protected Input()
    {
    }

    private protected virtual Output<T> BuildOutput() => throw new InvalidOperationException($"{GetType()} has no value");

    public static implicit operator Input<T>(T value) => Output.Create(value);

    public static implicit operator Input<T>(Output<T> value) => new(value);

    public static implicit operator Output<T>(Input<T> input) => input.OutputValue;

    IOutput IInput.ToOutput() => OutputValue;

    System.Collections.IEnumerable? IInput.Elements => InputElements;

    /// <summary>See <see cref="IInput.Elements"/> (an interface of its own would show in the public type's listing).</summary>
    internal virtual System.Collections.IEnumerable? InputElements => null;
}

/// <summary>Apply/ToOutput directly on (possibly null) inputs.</summary>
public static class InputExtensions
{
    public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, TResult> func)
        => input.ToOutput().Apply(func);

    public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Task<TResult>> func)
        => input.ToOutput().Apply(func);

    public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Input<TResult>?> func)
        => input.ToOutput().Apply(func);

    public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Output<TResult>?> func)
        => input.ToOutput().Apply(func);

    /// <summary>The backing output, or a known default value for a null input.</summary>
    public static Output<T> ToOutput<T>(this Input<T>? input)
        => input is null ? Output.Create(default(T)!) : input.OutputValue;
}
