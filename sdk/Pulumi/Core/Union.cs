namespace Pulumi;

/// <summary>Untyped view of a union, so the serializer can reach the held value.</summary>
internal interface IUnion
{
    object? Value { get; }
}

/// <summary>A value that is exactly one of two types (used where a provider schema allows either).</summary>
public readonly struct Union<T0, T1> : IUnion, IEquatable<Union<T0, T1>>
{
    private readonly T0 _value0;
    private readonly T1 _value1;
    private readonly int _index;

    private Union(int index, T0 value0 = default!, T1 value1 = default!)
    {
        _index = index;
        _value0 = value0;
        _value1 = value1;
    }

    // Non-nullable as in the official API (a union of reference types may still hold null).
    public object Value => (_index == 0 ? _value0 : _value1)!;

    public bool IsT0 => _index == 0;

    public bool IsT1 => _index == 1;

    public T0 AsT0 => _index == 0
        ? _value0
        : throw new InvalidOperationException($"Cannot return as T0 as result is T{_index}");

    public T1 AsT1 => _index == 1
        ? _value1
        : throw new InvalidOperationException($"Cannot return as T1 as result is T{_index}");

    public static Union<T0, T1> FromT0(T0 input) => new(0, value0: input);

    public static Union<T0, T1> FromT1(T1 input) => new(1, value1: input);

    public static implicit operator Union<T0, T1>(T0 t) => FromT0(t);

    public static implicit operator Union<T0, T1>(T1 t) => FromT1(t);

    public void Switch(Action<T0> f0, Action<T1> f1)
    {
        if (_index == 0) f0(_value0);
        else f1(_value1);
    }

    public TResult Match<TResult>(Func<T0, TResult> f0, Func<T1, TResult> f1)
        => _index == 0 ? f0(_value0) : f1(_value1);

    public Union<TResult, T1> MapT0<TResult>(Func<T0, TResult> mapFunc)
        => _index == 0 ? Union<TResult, T1>.FromT0(mapFunc(_value0)) : Union<TResult, T1>.FromT1(_value1);

    public Union<T0, TResult> MapT1<TResult>(Func<T1, TResult> mapFunc)
        => _index == 1 ? Union<T0, TResult>.FromT1(mapFunc(_value1)) : Union<T0, TResult>.FromT0(_value0);

    public Union<TResult0, TResult1> Bimap<TResult0, TResult1>(Func<T0, TResult0> mapFunc0, Func<T1, TResult1> mapFunc1)
        => _index == 0
            ? Union<TResult0, TResult1>.FromT0(mapFunc0(_value0))
            : Union<TResult0, TResult1>.FromT1(mapFunc1(_value1));

    public bool TryPickT0(out T0 value, out T1 remainder)
    {
        value = _index == 0 ? _value0 : default!;
        remainder = _index == 0 ? default! : _value1;
        return _index == 0;
    }

    public bool TryPickT1(out T1 value, out T0 remainder)
    {
        value = _index == 1 ? _value1 : default!;
        remainder = _index == 1 ? default! : _value0;
        return _index == 1;
    }

    public bool Equals(Union<T0, T1> other)
        => _index == other._index && (_index == 0
            ? EqualityComparer<T0>.Default.Equals(_value0, other._value0)
            : EqualityComparer<T1>.Default.Equals(_value1, other._value1));

    public override bool Equals(object? obj) => obj is Union<T0, T1> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_index, Value);

    public override string ToString() => $"{(_index == 0 ? typeof(T0) : typeof(T1)).FullName}: {Value}";

    public static bool operator ==(Union<T0, T1> left, Union<T0, T1> right) => left.Equals(right);

    public static bool operator !=(Union<T0, T1> left, Union<T0, T1> right) => !left.Equals(right);
}
