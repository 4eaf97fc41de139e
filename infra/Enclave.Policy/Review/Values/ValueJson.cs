using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Values;

/// <summary>
/// The JSON encoding of property values in enclave documents (plan and diff). Known values are plain JSON;
/// the three values JSON has no word for are marker objects with the reserved key <c>"$enclave"</c>:
/// <c>{"$enclave":"secret"}</c>, <c>{"$enclave":"unknown"}</c> and
/// <c>{"$enclave":"resource","urn":…,"id":…}</c>. A secret marker carries nothing but the fact that a secret
/// is there. Plan documents of format version 2 also hold the report-only values of <see cref="ValueOrigins"/>:
/// <c>{"$ref":{"urn":…,"output":"id"}}</c>, <c>{"$lookup":{"invoke":…,"standIn":…}}</c>,
/// <c>{"$time":{"from":"now","days":N}}</c>, <c>{"$concat":[…]}</c> and <c>{"$enclave":"computed"}</c>; reading one
/// back gives the graph concrete stand-ins again (<see cref="StandIns"/>), equal where the originals were equal.
/// </summary>
public static class ValueJson
{
    public const string MarkerKey = "$enclave";
    public const string RefKey = "$ref";
    public const string LookupKey = "$lookup";
    public const string TimeKey = "$time";
    public const string ConcatKey = "$concat";

    public static void Write(Utf8JsonWriter w, PropertyValue value)
    {
        switch (value)
        {
            case NullValue: w.WriteNullValue(); break;
            case BoolValue b: w.WriteBooleanValue(b.Value); break;
            case NumberValue n: w.WriteNumberValue(n.Value); break;
            case StringValue s: w.WriteStringValue(s.Value); break;
            case SecretValue: WriteMarker(w, "secret"); break;
            case UnknownValue: WriteMarker(w, "unknown"); break;
            case ComputedValue: WriteMarker(w, "computed"); break;
            case ReferenceValue r:
                w.WriteStartObject();
                w.WriteStartObject(RefKey);
                w.WriteString("urn", r.Urn);
                w.WriteString("output", r.Output);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case LookupValue l:
                w.WriteStartObject();
                w.WriteStartObject(LookupKey);
                w.WriteString("invoke", l.Invoke);
                w.WriteString("standIn", l.StandIn);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case TimeValue t:
                w.WriteStartObject();
                w.WriteStartObject(TimeKey);
                w.WriteString("from", "now");
                w.WriteNumber("days", t.Days);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case TemplateValue t:
                w.WriteStartObject();
                w.WriteStartArray(ConcatKey);
                foreach (var part in t.Parts) Write(w, part);
                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case ResourceRefValue r:
                w.WriteStartObject();
                w.WriteString(MarkerKey, "resource");
                w.WriteString("urn", r.Urn);
                if (r.Id is null) w.WriteNull("id"); else w.WriteString("id", r.Id);
                w.WriteEndObject();
                break;
            case ListValue l:
                w.WriteStartArray();
                foreach (var item in l.Items) Write(w, item);
                w.WriteEndArray();
                break;
            case MapValue m:
                w.WriteStartObject();
                foreach (var (k, v) in m.Fields) // sorted ordinally by construction
                {
                    w.WritePropertyName(k);
                    Write(w, v);
                }
                w.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"no JSON form for {value.GetType().Name}");
        }
    }

    public static void WriteMap(Utf8JsonWriter w, string name, MapValue map)
    {
        w.WritePropertyName(name);
        Write(w, map);
    }

    /// <summary>
    /// Reads a value written by <see cref="Write"/>; <paramref name="where"/> names the spot for errors. Report-only
    /// markers become concrete stand-ins (a <c>$ref</c> the stand-in id of its target, a <c>$lookup</c> its stand-in,
    /// a <c>$time</c> the date from <see cref="FabricatedValues.ReferenceClock"/>, a <c>$concat</c> its joined text),
    /// recorded in <paramref name="sink"/> when given; <c>computed</c> reads as <see cref="ComputedValue"/>.
    /// </summary>
    public static PropertyValue Read(JsonElement e, string where, StandIns? sink = null) => e.ValueKind switch
    {
        JsonValueKind.Null => PropertyValue.Null,
        JsonValueKind.True => PropertyValue.Of(true),
        JsonValueKind.False => PropertyValue.Of(false),
        JsonValueKind.Number => PropertyValue.Of(e.GetDouble()),
        JsonValueKind.String => PropertyValue.Of(e.GetString()),
        JsonValueKind.Array => new ListValue(e.EnumerateArray().Select((x, i) => Read(x, $"{where}[{i}]", sink)).ToImmutableArray()),
        JsonValueKind.Object => ReadObject(e, where, sink),
        _ => throw new ReviewInputException($"{where}: unexpected JSON {e.ValueKind}"),
    };

    public static MapValue ReadMap(JsonElement e, string where, StandIns? sink = null)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new ReviewInputException($"{where}: expected an object, found {Describe(e)}");
        var value = ReadObject(e, where, sink);
        return value as MapValue ?? throw new ReviewInputException($"{where}: expected a map of properties, found a {MarkerKey} marker");
    }

    private static PropertyValue ReadObject(JsonElement e, string where, StandIns? sink)
    {
        if (StandIns.ReadMarker(e, where, sink ?? new StandIns()) is { } standIn) return standIn;
        if (e.TryGetProperty(MarkerKey, out var marker))
        {
            var kind = marker.ValueKind == JsonValueKind.String ? marker.GetString() : null;
            return kind switch
            {
                "secret" => PropertyValue.Secret,
                "unknown" => PropertyValue.Unknown,
                "computed" => ComputedValue.Instance,
                "resource" when e.TryGetProperty("urn", out var urn) && urn.ValueKind == JsonValueKind.String =>
                    new ResourceRefValue(urn.GetString()!,
                        e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null),
                _ => throw new ReviewInputException(
                    $"{where}: unknown {MarkerKey} marker {Escaping.SafeText.Escape(marker.GetRawText(), Escaping.SafeText.EchoLength)} (valid: \"secret\", \"unknown\", \"computed\", \"resource\" with a \"urn\")"),
            };
        }
        var fields = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            fields[p.Name] = Read(p.Value, ReviewPath.Key(where, p.Name), sink);
        return new MapValue(fields.ToImmutable());
    }

    internal static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };

    private static void WriteMarker(Utf8JsonWriter w, string kind)
    {
        w.WriteStartObject();
        w.WriteString(MarkerKey, kind);
        w.WriteEndObject();
    }
}
