using System.Text;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Support;

/// <summary>
/// Writes hand-written graphs in Pulumi's formats, as the CLI would: a <c>pulumi stack export</c> (version 3, or the
/// file-backend checkpoint) and a <c>pulumi preview --json</c> whose steps create every resource.
/// </summary>
public static class PulumiJson
{
    /// <param name="secretPlaintext">When set, secrets are written as <c>--show-secrets</c> does, with this plaintext.</param>
    public static string Export(GraphBuilder g, int version = 3, bool checkpoint = false, string? secretPlaintext = null)
    {
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", version);
            if (checkpoint)
            {
                w.WriteStartObject("checkpoint");
                w.WriteString("stack", $"organization/{GraphBuilder.Project}/{g.Stack}");
                w.WriteStartObject("config");
                w.WriteString("oci:region", "us-ashburn-1");
                w.WriteEndObject();
                w.WritePropertyName("latest");
            }
            else w.WritePropertyName("deployment");
            w.WriteStartObject();
            w.WriteStartObject("manifest");
            w.WriteString("time", "2026-11-20T10:05:00.000Z");
            w.WriteString("magic", "0d1f");
            w.WriteString("version", "v3.270.0");
            w.WriteEndObject();
            w.WriteStartObject("secrets_providers");
            w.WriteString("type", "passphrase");
            w.WriteStartObject("state");
            w.WriteString("salt", "v1:c2FsdA==:v1:AbCd:ZmFrZQ==");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("resources");
            foreach (var n in g.Nodes(idsKnown: true)) Resource(w, n, preview: false, secretPlaintext);
            w.WriteEndArray();
            w.WriteEndObject();
            if (checkpoint) w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <param name="idsKnown">False: a preview creating everything (ids and references unknown).</param>
    public static string Preview(GraphBuilder g, bool idsKnown = false)
    {
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("config");
            w.WriteString("oci:region", "us-ashburn-1");
            w.WriteString("us-data-enclave:adminPassword", "[secret]");
            w.WriteEndObject();
            w.WriteStartArray("steps");
            foreach (var n in g.Nodes(idsKnown).Reverse())  // the CLI's step order is not sorted
            {
                w.WriteStartObject();
                w.WriteString("op", idsKnown || n.Type == "pulumi:pulumi:Stack" || n.Id.IsKnown && n.Custom ? "same" : "create");
                w.WriteString("urn", n.Urn);
                if (n.Provider is not null) w.WriteString("provider", n.Provider);
                w.WritePropertyName("newState");
                Resource(w, n, preview: true, null);
                w.WriteNull("detailedDiff");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            w.WriteEndArray();
            w.WriteNumber("duration", 4211000000);
            w.WriteStartObject("changeSummary");
            w.WriteNumber("create", 1);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);

    private static void Resource(Utf8JsonWriter w, ResourceNode n, bool preview, string? plaintext)
    {
        w.WriteStartObject();
        w.WriteString("urn", n.Urn);
        w.WriteBoolean("custom", n.Custom);
        if (n.Id.AsString() is { } id) w.WriteString("id", id);
        w.WriteString("type", n.Type);
        w.WritePropertyName("inputs");
        Value(w, n.Inputs, preview, plaintext);
        w.WritePropertyName("outputs");
        Value(w, n.Outputs, preview, plaintext);
        if (n.Parent is not null) w.WriteString("parent", n.Parent);
        if (n.Protect) w.WriteBoolean("protect", true);
        if (n.Provider is not null) w.WriteString("provider", n.Provider);
        w.WriteStartArray("dependencies");
        foreach (var d in n.Dependencies) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteStartObject("propertyDependencies");
        foreach (var (k, v) in n.PropertyDependencies)
        {
            w.WriteStartArray(k);
            foreach (var d in v) w.WriteStringValue(d);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteString("created", "2026-11-20T10:04:12Z");
        w.WriteStartArray("somethingNewerCliAdded");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, PropertyValue v, bool preview, string? plaintext)
    {
        switch (v)
        {
            case NullValue: w.WriteNullValue(); break;
            case UnknownValue: w.WriteStringValue(PulumiValues.UnknownSentinel); break;
            case SecretValue when preview: w.WriteStringValue("[secret]"); break;
            case SecretValue:
                w.WriteStartObject();
                w.WriteString(PulumiValues.SignatureKey, PulumiValues.SecretSignature);
                if (plaintext is not null) w.WriteString("plaintext", JsonSerializer.Serialize(plaintext));
                else w.WriteString("ciphertext", "v1:Tm9uY2U=:ZmFicmljYXRlZA==");
                w.WriteEndObject();
                break;
            case BoolValue b: w.WriteBooleanValue(b.Value); break;
            case NumberValue n: w.WriteNumberValue(n.Value); break;
            case StringValue s: w.WriteStringValue(s.Value); break;
            case ResourceRefValue r:
                w.WriteStartObject();
                w.WriteString(PulumiValues.SignatureKey, PulumiValues.ResourceReferenceSignature);
                w.WriteString("urn", r.Urn);
                if (r.Id is not null) w.WriteString("id", r.Id);
                w.WriteEndObject();
                break;
            case ListValue l:
                w.WriteStartArray();
                foreach (var item in l.Items) Value(w, item, preview, plaintext);
                w.WriteEndArray();
                break;
            case MapValue m:
                w.WriteStartObject();
                foreach (var (k, x) in m.Fields) { w.WritePropertyName(k); Value(w, x, preview, plaintext); }
                w.WriteEndObject();
                break;
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })) body(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
