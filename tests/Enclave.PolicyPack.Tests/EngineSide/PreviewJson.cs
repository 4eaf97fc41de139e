using System.Text;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>
/// A graph written as the `pulumi preview --json` of a preview that creates it (one <c>create</c> step per resource,
/// with its new state), so `enclave check --preview-json` judges what the pack judges in a preview: the same values,
/// unknowns as the sentinel, secrets as the preview's <c>"[secret]"</c>.
/// </summary>
public static class PreviewJson
{
    public static string Write(ResourceGraph graph, IReadOnlyDictionary<string, string> config)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartObject("config");
            if (config.TryGetValue("oci:region", out var region)) w.WriteString("oci:region", region);
            w.WriteEndObject();
            w.WriteStartArray("steps");
            foreach (var node in graph.Resources) Step(w, node);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Step(Utf8JsonWriter w, ResourceNode n)
    {
        w.WriteStartObject();
        w.WriteString("op", "create");
        w.WriteString("urn", n.Urn);
        if (n.Provider is { } provider) w.WriteString("provider", provider);
        w.WriteStartObject("newState");
        w.WriteString("urn", n.Urn);
        w.WriteString("type", n.Type);
        w.WriteBoolean("custom", n.Custom);
        w.WritePropertyName("id");
        Value(w, n.Id);
        if (n.Parent is { } parent) w.WriteString("parent", parent);
        w.WriteBoolean("protect", n.Protect);
        if (n.Provider is { } p) w.WriteString("provider", p);
        w.WritePropertyName("inputs");
        Value(w, n.Inputs);
        w.WritePropertyName("outputs");
        Value(w, n.Outputs);
        w.WriteStartArray("dependencies");
        foreach (var d in n.Dependencies) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteStartObject("propertyDependencies");
        foreach (var (key, urns) in n.PropertyDependencies)
        {
            w.WriteStartArray(key);
            foreach (var u in urns) w.WriteStringValue(u);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, PropertyValue value)
    {
        switch (value)
        {
            case NullValue: w.WriteNullValue(); break;
            case BoolValue b: w.WriteBooleanValue(b.Value); break;
            case NumberValue d: w.WriteNumberValue(d.Value); break;
            case StringValue s: w.WriteStringValue(s.Value); break;
            case UnknownValue: w.WriteStringValue(PulumiValues.UnknownSentinel); break;
            case SecretValue: w.WriteStringValue(PulumiValues.PreviewSecretMarker); break;
            case ResourceRefValue r:
                w.WriteStartObject();
                w.WriteString(PulumiValues.SignatureKey, PulumiValues.ResourceReferenceSignature);
                w.WriteString("urn", r.Urn);
                w.WriteString("id", r.Id ?? "");
                w.WriteEndObject();
                break;
            case ListValue l:
                w.WriteStartArray();
                foreach (var item in l.Items) Value(w, item);
                w.WriteEndArray();
                break;
            case MapValue m:
                w.WriteStartObject();
                foreach (var (key, v) in m.Entries)
                {
                    w.WritePropertyName(key);
                    Value(w, v);
                }
                w.WriteEndObject();
                break;
        }
    }
}
