using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Mapping;

/// <summary>
/// The engine's property values (<c>google.protobuf.Struct</c>, marshalled with unknowns and secrets kept) as the
/// gate's <see cref="PropertyValue"/>s. Signed objects and the unknown sentinel mean what <see cref="SignedValues"/>
/// decides for files too; in particular a secret's plaintext, which the engine does send, is never read.
/// </summary>
internal static class StructDecoder
{
    public static MapValue Map(Struct? properties, string where)
    {
        if (properties is null || properties.Fields.Count == 0) return MapValue.Empty;
        var fields = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in properties.Fields)
        {
            // Keys starting with "__" are the engine's bookkeeping (e.g. "__defaults"), never program inputs.
            if (key.StartsWith("__", StringComparison.Ordinal)) continue;
            fields[key] = Read(value, where);
        }
        return new MapValue(fields.ToImmutable());
    }

    public static PropertyValue Read(Value? value, string where)
    {
        switch (value?.KindCase ?? Value.KindOneofCase.None)
        {
            case Value.KindOneofCase.BoolValue:
                return PropertyValue.Of(value!.BoolValue);
            case Value.KindOneofCase.NumberValue:
                var d = value!.NumberValue;
                if (!double.IsFinite(d)) throw new MalformedRequestException($"{where}: a number is not finite");
                return PropertyValue.Of(d);
            case Value.KindOneofCase.StringValue:
                return SignedValues.FromString(value!.StringValue);
            case Value.KindOneofCase.ListValue:
                var list = value!.ListValue.Values;
                var items = ImmutableArray.CreateBuilder<PropertyValue>(list.Count);
                foreach (var item in list) items.Add(Read(item, where));
                return new Enclave.Policy.Graph.ListValue(items.MoveToImmutable());
            case Value.KindOneofCase.StructValue:
                var s = value!.StructValue;
                if (s.Fields.TryGetValue(PulumiValues.SignatureKey, out var sig))
                    return SignedValues.Decode(sig.KindCase == Value.KindOneofCase.StringValue ? sig.StringValue : null,
                        new SignedStruct(s, where));
                return Map(s, where);
            default:
                // Null, or a value without a kind (the engine never sends one; read it as absent, as JSON null is).
                return PropertyValue.Null;
        }
    }

    /// <summary>A signed object the engine sent, for <see cref="SignedValues.Decode{T}"/>.</summary>
    private readonly struct SignedStruct(Struct s, string where) : ISignedObject
    {
        public string? String(string key) =>
            s.Fields.TryGetValue(key, out var v) && v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : null;

        public bool IsTrue(string key) =>
            s.Fields.TryGetValue(key, out var v) && v.KindCase == Value.KindOneofCase.BoolValue && v.BoolValue;

        public bool TryRead(string key, out PropertyValue value)
        {
            if (!s.Fields.TryGetValue(key, out var v))
            {
                value = PropertyValue.Null;
                return false;
            }
            value = Read(v, where);
            return true;
        }

        public Exception Malformed(string problem) => new MalformedRequestException($"{where}: {problem}");
    }
}
