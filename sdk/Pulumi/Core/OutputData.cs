using System.Collections.Immutable;

namespace Pulumi;

/// <summary>
/// The resolved state of an <see cref="Output{T}"/>: its value plus the three bits of metadata that must
/// flow through every transformation (which resources it came from, whether it is known, whether it is secret).
/// </summary>
internal readonly record struct OutputData<T>(ImmutableHashSet<Resource> Resources, T Value, bool IsKnown, bool IsSecret)
{
    public static OutputData<T> Known(T value) => new(ImmutableHashSet<Resource>.Empty, value, true, false);
}

/// <summary>Helpers to combine the metadata of several outputs (used by All/Tuple/Apply).</summary>
internal static class OutputDataCombiner
{
    /// <summary>Resources union, known only if all are known, secret if any is secret.</summary>
    public static (ImmutableHashSet<Resource> Resources, bool IsKnown, bool IsSecret) Combine(IEnumerable<(ImmutableHashSet<Resource> Resources, bool IsKnown, bool IsSecret)> parts)
    {
        var resources = ImmutableHashSet<Resource>.Empty;
        var known = true;
        var secret = false;
        foreach (var (r, k, s) in parts)
        {
            resources = resources.Union(r);
            known &= k;
            secret |= s;
        }
        return (resources, known, secret);
    }
}

/// <summary>Untyped view of an output, so serialization and All/Format can await outputs of any T.</summary>
internal interface IOutput
{
    Task<OutputData<object?>> GetDataAsync();
    Type ValueType { get; }
}

/// <summary>Untyped view of an input: every input is backed by an output.</summary>
internal interface IInput
{
    IOutput ToOutput();

    /// <summary>
    /// For an <see cref="InputList{T}"/> or <see cref="InputMap{TValue}"/> built from elements: the element inputs (a
    /// list of <c>Input&lt;T&gt;</c>, or a string-keyed dictionary of them), which the serializer sends one by one.
    /// Null for every other input, and for a collection given as an output of a whole list or map.
    /// </summary>
    System.Collections.IEnumerable? Elements { get; }
}
