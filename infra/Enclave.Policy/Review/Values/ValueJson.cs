using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Values;

/// <summary>
/// The JSON encoding of property values in enclave documents (plan and diff). Known values are plain JSON;
/// the three values JSON has no word for are marker objects with the reserved key <c>"$enclave"</c>:
/// <c>{"$enclave":"secret"}</c>, <c>{"$enclave":"unknown"}</c> and
/// <c>{"$enclave":"resource","urn":…,"id":…}</c>. A secret marker carries nothing but the fact that a secret
/// is there.
/// </summary>
public static class ValueJson
{
    public const string MarkerKey = "$enclave";

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

    /// <summary>Reads a value written by <see cref="Write"/>; <paramref name="where"/> names the spot for errors.</summary>
    public static PropertyValue Read(JsonElement e, string where) => e.ValueKind switch
    {
        JsonValueKind.Null => PropertyValue.Null,
        JsonValueKind.True => PropertyValue.Of(true),
        JsonValueKind.False => PropertyValue.Of(false),
        JsonValueKind.Number => PropertyValue.Of(e.GetDouble()),
        JsonValueKind.String => PropertyValue.Of(e.GetString()),
        JsonValueKind.Array => new ListValue(e.EnumerateArray().Select((x, i) => Read(x, $"{where}[{i}]")).ToImmutableArray()),
        JsonValueKind.Object => ReadObject(e, where),
        _ => throw new ReviewInputException($"{where}: unexpected JSON {e.ValueKind}"),
    };

    public static MapValue ReadMap(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new ReviewInputException($"{where}: expected an object, found {Describe(e)}");
        var value = ReadObject(e, where);
        return value as MapValue ?? throw new ReviewInputException($"{where}: expected a map of properties, found a {MarkerKey} marker");
    }

    private static PropertyValue ReadObject(JsonElement e, string where)
    {
        if (e.TryGetProperty(MarkerKey, out var marker))
        {
            var kind = marker.ValueKind == JsonValueKind.String ? marker.GetString() : null;
            return kind switch
            {
                "secret" => PropertyValue.Secret,
                "unknown" => PropertyValue.Unknown,
                "resource" when e.TryGetProperty("urn", out var urn) && urn.ValueKind == JsonValueKind.String =>
                    new ResourceRefValue(urn.GetString()!,
                        e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null),
                _ => throw new ReviewInputException(
                    $"{where}: unknown {MarkerKey} marker {marker.GetRawText()} (valid: \"secret\", \"unknown\", \"resource\" with a \"urn\")"),
            };
        }
        var fields = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            fields[p.Name] = Read(p.Value, ReviewPath.Key(where, p.Name));
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
