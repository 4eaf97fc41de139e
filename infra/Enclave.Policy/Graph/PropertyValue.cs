using System.Collections.Immutable;
using System.Globalization;

namespace Enclave.Policy.Graph;

/// <summary>
/// A resource property as the policy gate sees it, whatever artifact it came from (the program run offline,
/// <c>pulumi preview --json</c>, <c>pulumi stack export</c>). Values are either known data, <see cref="UnknownValue"/>
/// (not determined until deploy) or <see cref="SecretValue"/> (a secret: its plaintext is never kept, so it can never
/// be printed). Equality is structural, which the diff relies on.
/// </summary>
public abstract record PropertyValue
{
    public static readonly PropertyValue Null = new NullValue();
    public static readonly PropertyValue Unknown = new UnknownValue();
    public static readonly PropertyValue Secret = new SecretValue();

    public static PropertyValue Of(string? s) => s is null ? Null : new StringValue(s);
    public static PropertyValue Of(bool b) => new BoolValue(b);
    public static PropertyValue Of(double d) => new NumberValue(d);
    public static PropertyValue List(params PropertyValue[] items) => new ListValue(items.ToImmutableArray());
    public static MapValue Map(params (string Key, PropertyValue Value)[] fields) =>
        new(fields.ToImmutableSortedDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));

    /// <summary>True when this value or anything inside it is unknown.</summary>
    public abstract bool ContainsUnknown { get; }

    /// <summary>True when this value or anything inside it is a secret.</summary>
    public abstract bool ContainsSecret { get; }

    /// <summary>Field of a map, <see cref="Null"/> when absent; unknown/secret propagate.</summary>
    public PropertyValue this[string key] => this switch
    {
        MapValue m => m.TryGetValue(key, out var v) ? v : Null,
        UnknownValue or SecretValue => this,
        _ => Null,
    };

    /// <summary>Element of a list, <see cref="Null"/> when out of range; unknown/secret propagate.</summary>
    public PropertyValue this[int index] => this switch
    {
        ListValue l => index >= 0 && index < l.Items.Length ? l.Items[index] : Null,
        UnknownValue or SecretValue => this,
        _ => Null,
    };

    /// <summary>Follows a dotted path with [n] indexes, e.g. <c>configuration.source.resource</c> or <c>rules[0].min</c>.</summary>
    public PropertyValue At(string path)
    {
        // Segments are read in place (no list per call): rules follow paths for every resource of a graph.
        var current = this;
        foreach (var segment in PropertyPath.Segments(path))
            current = segment.Index is int i ? current[i] : current[segment.Key!];
        return current;
    }

    public bool IsNull => this is NullValue;
    public bool IsUnknown => this is UnknownValue;
    public bool IsSecret => this is SecretValue;
    /// <summary>Neither unknown nor secret at the top level (its content may still hold some).</summary>
    public bool IsKnown => this is not (UnknownValue or SecretValue);

    public string? AsString() => this is StringValue s ? s.Value : null;
    public bool? AsBool() => this is BoolValue b ? b.Value : null;
    public double? AsNumber() => this is NumberValue n ? n.Value : null;
    public ImmutableArray<PropertyValue> AsList() => this is ListValue l ? l.Items : ImmutableArray<PropertyValue>.Empty;

    /// <summary>Three-valued test of a known scalar; unknown and secret values give <see cref="Truth.Unknown"/>.</summary>
    public Truth Test(Func<PropertyValue, bool> predicate) => IsKnown ? TruthLogic.Of(predicate(this)) : Truth.Unknown;

    /// <summary>Three-valued equality with a string.</summary>
    /// <remarks>Like <see cref="Test"/>, without a closure per call: rules compare values of every resource.</remarks>
    public Truth EqualsString(string expected, StringComparison comparison = StringComparison.Ordinal) =>
        IsKnown ? TruthLogic.Of(AsString() is { } s && string.Equals(s, expected, comparison)) : Truth.Unknown;

    /// <summary>Three-valued equality with a bool.</summary>
    public Truth EqualsBool(bool expected) => IsKnown ? TruthLogic.Of(AsBool() == expected) : Truth.Unknown;
}

public sealed record NullValue : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;
    public override string ToString() => "null";
}

public sealed record UnknownValue : PropertyValue
{
    public override bool ContainsUnknown => true;
    public override bool ContainsSecret => false;
    public override string ToString() => "(known after apply)";
}

/// <summary>A secret. Deliberately holds no value: nothing downstream can leak what it never had.</summary>
public sealed record SecretValue : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => true;
    public override string ToString() => "[secret]";
}

public sealed record BoolValue(bool Value) : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;
    public override string ToString() => Value ? "true" : "false";
}

public sealed record NumberValue(double Value) : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

public sealed record StringValue(string Value) : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;
    public override string ToString() => Value;
}

/// <summary>A reference to another resource (Pulumi's resource-reference value).</summary>
public sealed record ResourceRefValue(string Urn, string? Id) : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;
    public override string ToString() => Id ?? Urn;
}

public sealed record ListValue(ImmutableArray<PropertyValue> Items) : PropertyValue
{
    // Loops, not LINQ: asked of every isolation setting of every resource (no enumerator boxed per call).
    public override bool ContainsUnknown
    {
        get
        {
            foreach (var item in Items)
                if (item.ContainsUnknown) return true;
            return false;
        }
    }

    public override bool ContainsSecret
    {
        get
        {
            foreach (var item in Items)
                if (item.ContainsSecret) return true;
            return false;
        }
    }

    public bool Equals(ListValue? other) =>
        other is not null && Items.Length == other.Items.Length && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }
}
