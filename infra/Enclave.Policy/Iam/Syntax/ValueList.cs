using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Enclave.Policy.Iam;

/// <summary>
/// An immutable list with value equality. The syntax tree is made of records; with a plain array or
/// <see cref="ImmutableArray{T}"/> two equal statements would compare unequal, which would defeat the
/// parse/print round-trip tests and any de-duplication a report does.
/// </summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new(ImmutableArray<T>.Empty);

    /// <summary>Copies <paramref name="items"/>.</summary>
    public ValueList(IEnumerable<T> items) => _items = items.ToImmutableArray();

    private ValueList(ImmutableArray<T> items) => _items = items;

    internal static ValueList<T> Wrap(ImmutableArray<T> items) => items.IsEmpty ? Empty : new(items);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <summary>A struct enumerator, so that <c>foreach</c> over a list allocates nothing (the evaluator's hot path).</summary>
    public ImmutableArray<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_items).GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ValueList<T>? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items.AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}

/// <summary>Factory for <see cref="ValueList{T}"/>; also what collection expressions (<c>[a, b]</c>) call.</summary>
public static class ValueList
{
    /// <summary>Creates a list from a span (used by collection expressions).</summary>
    /// <remarks>The parser builds many one-item lists; copying a span costs several times a one-item array.</remarks>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.Length switch
    {
        0 => ValueList<T>.Empty,
        1 => ValueList<T>.Wrap(ImmutableArray.Create(items[0])),
        _ => ValueList<T>.Wrap(ImmutableArray.Create(items)),
    };
}
