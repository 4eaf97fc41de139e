using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// Reads property values in the encoding of enclave documents (<see cref="ValueJson"/>): plain JSON, and marker
/// objects <c>{"$enclave": "secret" | "unknown" | "resource", …}</c> for what JSON has no word for. A map with two
/// equal keys is refused, and so is an unknown marker.
/// </summary>
internal static class PlanValueReader
{
    public static PropertyValue Read(ref JsonCursor c)
    {
        switch (c.Token)
        {
            case JsonTokenType.StartArray:
                var items = c.Source.Items;
                var start = items.Count;
                c.Path.Push(0);
                for (var i = 0; c.NextItem(); i++)
                {
                    c.Path.SetIndex(i);
                    items.Push(Read(ref c));
                }
                c.Path.Pop();
                var list = new ListValue(ImmutableArray.Create<PropertyValue>(items.From(start)));
                items.Truncate(start);
                return list;
            case JsonTokenType.StartObject:
                return ReadObject(ref c);
            case JsonTokenType.String:
                return c.TextValue();
            default:
                // Scalars read as Pulumi's do (null, booleans, finite numbers).
                return PulumiValueReader.Read(ref c, previewSecrets: false);
        }
    }

    public static MapValue ReadMap(ref JsonCursor c)
    {
        if (!c.IsObject("an object of properties")) return MapValue.Empty;
        return ReadObject(ref c) as MapValue ?? throw c.Source.Error($"expected a map of properties, found a {ValueJson.MarkerKey} marker");
    }

    private static PropertyValue ReadObject(ref JsonCursor c)
    {
        var fields = c.Source.Fields;
        var start = fields.Count;
        string? marker = null;
        while (c.NextProperty())
        {
            var key = c.Text();
            c.Path.Push(key);
            c.Next();
            if (key == ValueJson.MarkerKey) marker = c.Token == JsonTokenType.String ? c.Text() : "(not a string)";
            fields.Push(new(key, key == ValueJson.MarkerKey ? PropertyValue.Null : Read(ref c)));
            c.Path.Pop();
        }
        var entries = fields.From(start).ToArray();
        fields.Truncate(start);
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < entries.Length; i++)
            if (entries[i - 1].Key == entries[i].Key) throw c.Source.DuplicateKey(entries[i].Key);
        if (marker is null) return entries.Length == 0 ? MapValue.Empty : new MapValue(entries);
        PropertyValue Field(string name) => Array.Find(entries, e => e.Key == name).Value ?? PropertyValue.Null;
        return marker switch
        {
            "secret" => PropertyValue.Secret,
            "unknown" => PropertyValue.Unknown,
            "resource" when Field("urn") is StringValue urn => new ResourceRefValue(urn.Value, Field("id").AsString()),
            _ => throw c.Source.Error($"unknown {ValueJson.MarkerKey} marker \"{marker}\" (valid: \"secret\", \"unknown\", \"resource\" with a \"urn\")"),
        };
    }
}
