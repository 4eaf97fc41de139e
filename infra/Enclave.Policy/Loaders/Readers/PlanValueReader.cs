using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// Reads property values in the encoding of enclave documents (<see cref="ValueJson"/>): plain JSON, and marker
/// objects <c>{"$enclave": "secret" | "unknown" | "computed" | "resource", …}</c> for what JSON has no word for, and
/// the report-only markers of format version 2 (<c>$ref</c>, <c>$lookup</c>, <c>$time</c>, <c>$concat</c>), read as
/// the stand-ins of <see cref="StandIns"/> so the graph is judged like the offline run's. A map with two equal keys is
/// refused, and so is an unknown or malformed marker.
/// </summary>
internal static class PlanValueReader
{
    public static PropertyValue Read(ref JsonCursor c, StandIns sink)
    {
        switch (c.Token)
        {
            case JsonTokenType.StartArray:
                c.Source.CountValue(); // as below; the scalars of the default branch are counted by PulumiValueReader
                var items = c.Source.Items;
                var start = items.Count;
                c.Path.Push(0);
                for (var i = 0; c.NextItem(); i++)
                {
                    c.Path.SetIndex(i);
                    items.Push(Read(ref c, sink));
                }
                c.Path.Pop();
                var list = new ListValue(ImmutableArray.Create<PropertyValue>(items.From(start)));
                items.Truncate(start);
                return list;
            case JsonTokenType.StartObject:
                c.Source.CountValue();
                return ReadObject(ref c, sink);
            case JsonTokenType.String:
                c.Source.CountValue();
                return c.TextValue();
            default:
                // Scalars read as Pulumi's do (null, booleans, finite numbers).
                return PulumiValueReader.Read(ref c, previewSecrets: false);
        }
    }

    public static MapValue ReadMap(ref JsonCursor c, StandIns sink)
    {
        if (!c.IsObject("an object of properties")) return MapValue.Empty;
        return ReadObject(ref c, sink) as MapValue ?? throw c.Source.Error("expected a map of properties, found a marker");
    }

    private static string SkippedNonString(ref JsonCursor c)
    {
        c.Skip();
        return "(not a string)";
    }

    private static PropertyValue ReadObject(ref JsonCursor c, StandIns sink)
    {
        var fields = c.Source.Fields;
        var start = fields.Count;
        string? marker = null;
        while (c.NextProperty())
        {
            var key = c.Text();
            c.Path.Push(key);
            c.Next();
            // A marker that is not a string is refused below; its value is skipped whole first, or an object or list
            // there desynchronised the reader (its keys read as the value's fields, every later key one level too high).
            if (key == ValueJson.MarkerKey) marker = c.Token == JsonTokenType.String ? c.Text() : SkippedNonString(ref c);
            fields.Push(new(key, key == ValueJson.MarkerKey ? PropertyValue.Null : Read(ref c, sink)));
            c.Path.Pop();
        }
        var entries = fields.From(start).ToArray();
        fields.Truncate(start);
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < entries.Length; i++)
            if (entries[i - 1].Key == entries[i].Key) throw c.Source.DuplicateKey(entries[i].Key);
        if (entries.Length == 1 && StandIns.IsMarkerKey(entries[0].Key))
        {
            var source = c.Source;
            return sink.FromMarker(entries[0].Key, entries[0].Value, problem => source.Error(problem));
        }
        if (marker is null) return entries.Length == 0 ? MapValue.Empty : new MapValue(entries);
        PropertyValue Field(string name) => Array.Find(entries, e => e.Key == name).Value ?? PropertyValue.Null;
        return marker switch
        {
            "secret" => PropertyValue.Secret,
            "unknown" => PropertyValue.Unknown,
            "computed" => ComputedValue.Instance,
            "resource" when Field("urn") is StringValue urn => new ResourceRefValue(urn.Value, Field("id").AsString()),
            _ => throw c.Source.Error($"unknown {ValueJson.MarkerKey} marker \"{marker}\" (valid: \"secret\", \"unknown\", \"computed\", \"resource\" with a \"urn\")"),
        };
    }
}
