using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>
/// The items of a comma-separated list while it is read. Nearly every list in a policy has one item (one group,
/// one compartment name, one value), which then costs a one-element array instead of a builder and its buffer.
/// A mutable struct: keep it in a local and add to it in place.
/// </summary>
internal struct Items<T>()
{
    private T? _first;
    private ImmutableArray<T>.Builder? _more;

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count++ == 0)
        {
            _first = item;
            return;
        }
        if (_more is null)
        {
            _more = ImmutableArray.CreateBuilder<T>();
            _more.Add(_first!);
        }
        _more.Add(item);
    }

    public readonly ValueList<T> ToList() =>
        Count == 0 ? ValueList<T>.Empty
        : _more is null ? ValueList<T>.Wrap(ImmutableArray.Create(_first!))
        : ValueList<T>.Wrap(_more.ToImmutable());
}
