using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>
/// Between wire structs and the plain values <c>IMocks</c> work with (as the SDK's mock monitor hands them over):
/// secrets unwrapped, unknowns and nulls dropped, numbers as double, lists as arrays, objects as dictionaries.
/// </summary>
public static class PlainValues
{
    public static ImmutableDictionary<string, object> ToPlain(Struct? value)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object>();
        foreach (var (key, field) in value?.Fields ?? new Struct().Fields)
        {
            if (ToPlain(field) is { } plain)
            {
                builder[key] = plain;
            }
        }
        return builder.ToImmutable();
    }

    private static object? ToPlain(Value value)
    {
        if (Wire.IsSecret(value))
        {
            return ToPlain(Wire.Reveal(value));
        }
        return value.KindCase switch
        {
            Value.KindOneofCase.StringValue => Wire.IsUnknown(value) ? null : value.StringValue,
            Value.KindOneofCase.NumberValue => value.NumberValue,
            Value.KindOneofCase.BoolValue => value.BoolValue,
            Value.KindOneofCase.StructValue => ToPlain(value.StructValue),
            Value.KindOneofCase.ListValue => value.ListValue.Values.Select(ToPlain).Where(v => v is not null).ToImmutableArray(),
            _ => null,
        };
    }

    public static Struct ToStruct(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var result = new Struct();
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                result.Fields[key] = ToValue(value);
            }
        }
        return result;
    }

    public static Value ToValue(object? value) => value switch
    {
        null => Value.ForNull(),
        Value v => v,
        string s => Value.ForString(s),
        bool b => Value.ForBool(b),
        int or long or double or float or decimal => Value.ForNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        IDictionary<string, object> d => Value.ForStruct(ToStruct(d.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value)))),
        IReadOnlyDictionary<string, object> d => Value.ForStruct(ToStruct(d.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value)))),
        IEnumerable e => Value.ForList(e.Cast<object?>().Select(ToValue).ToArray()),
        _ => throw new NotSupportedException($"a fake provider returned a {value.GetType().Name}, which has no wire form"),
    };
}
