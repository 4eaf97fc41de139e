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
/// back (<c>Loaders.Readers.PlanValueReader</c>) gives the graph concrete stand-ins again (<see cref="StandIns"/>), equal
/// where the originals were equal.
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

    private static void WriteMarker(Utf8JsonWriter w, string kind)
    {
        w.WriteStartObject();
        w.WriteString(MarkerKey, kind);
        w.WriteEndObject();
    }
}
