using Google.Protobuf.WellKnownTypes;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>The special values of the Pulumi property wire format (protocol reference §3.5), for building and checking structs.</summary>
public static class Wire
{
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public const string SigKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSig = "1b47061264138c4ac30d75fd1eb44270";
    public const string ResourceRefSig = "5cf8f73096256a8f31e491e813e4eb8e";

    public static bool IsUnknown(Value value) => value.KindCase == Value.KindOneofCase.StringValue && value.StringValue == Unknown;

    public static bool IsSecret(Value value)
        => value.KindCase == Value.KindOneofCase.StructValue
           && value.StructValue.Fields.TryGetValue(SigKey, out var sig)
           && sig.StringValue == SecretSig;

    /// <summary>The value inside a secret wrapper (or the value itself).</summary>
    public static Value Reveal(Value value)
        => IsSecret(value) && value.StructValue.Fields.TryGetValue("value", out var inner) ? inner : value;

    public static Value Secret(Value value)
    {
        var wrapper = new Struct();
        wrapper.Fields[SigKey] = Value.ForString(SecretSig);
        wrapper.Fields["value"] = value;
        return Value.ForStruct(wrapper);
    }

    /// <summary>Does the unknown sentinel occur anywhere inside <paramref name="value"/>?</summary>
    public static bool ContainsUnknown(Value? value) => value?.KindCase switch
    {
        Value.KindOneofCase.StringValue => value.StringValue == Unknown,
        Value.KindOneofCase.StructValue => ContainsUnknown(value.StructValue),
        Value.KindOneofCase.ListValue => value.ListValue.Values.Any(ContainsUnknown),
        _ => false,
    };

    public static bool ContainsUnknown(Struct? value) => value is not null && value.Fields.Values.Any(ContainsUnknown);

    /// <summary>Every string leaf of a value (secrets included, revealed), for checks like "no plaintext password".</summary>
    public static IEnumerable<string> Strings(Value? value) => value?.KindCase switch
    {
        Value.KindOneofCase.StringValue => [value.StringValue],
        Value.KindOneofCase.StructValue => value.StructValue.Fields.Values.SelectMany(Strings),
        Value.KindOneofCase.ListValue => value.ListValue.Values.SelectMany(Strings),
        _ => [],
    };

    /// <summary>The string leaves outside secret wrappers: what would be stored or shown in plain text.</summary>
    public static IEnumerable<string> PlainStrings(Value? value) => value?.KindCase switch
    {
        _ when value is not null && IsSecret(value) => [],
        Value.KindOneofCase.StringValue => [value.StringValue],
        Value.KindOneofCase.StructValue => value.StructValue.Fields.Values.SelectMany(PlainStrings),
        Value.KindOneofCase.ListValue => value.ListValue.Values.SelectMany(PlainStrings),
        _ => [],
    };

    public static IEnumerable<string> PlainStrings(Google.Protobuf.WellKnownTypes.Struct? value)
        => value is null ? [] : value.Fields.Values.SelectMany(PlainStrings);
}
