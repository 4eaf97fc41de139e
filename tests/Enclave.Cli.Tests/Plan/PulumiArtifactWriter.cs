using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Cli.Tests.Plan;

/// <summary>
/// Writes a resource graph as the Pulumi CLI writes its files: a <c>pulumi stack export</c> of schema version 4 (with
/// the <c>features</c> a current CLI lists) and the engine event log of <c>pulumi preview --event-log</c> (a prelude,
/// a <c>resourcePreEvent</c> and a <c>resOutputsEvent</c> per step, the summary). Secrets are signed objects with
/// ciphertext (the engine blinds them to <c>"[secret]"</c> in events), unknowns the sentinel string.
/// </summary>
public static class PulumiArtifactWriter
{
    public static void WriteExportV4(IEnumerable<ResourceNode> nodes, string path)
    {
        using var file = File.Create(path);
        using var w = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("version", 4);
        w.WriteStartArray("features");
        w.WriteStringValue("refreshBeforeUpdate");
        w.WriteEndArray();
        w.WriteStartObject("deployment");
        w.WriteStartObject("manifest");
        w.WriteString("time", "2026-11-29T10:00:00Z");
        w.WriteString("magic", "00");
        w.WriteString("version", "v3.270.0");
        w.WriteEndObject();
        w.WriteStartArray("resources");
        foreach (var n in WithProviders(nodes, "us-ashburn-1")) State(w, n, events: false);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The event log of a preview that creates every resource (one event per line, as --event-log writes it).</summary>
    public static void WritePreviewEventLog(IEnumerable<ResourceNode> nodes, string region, string path)
    {
        using var file = new StreamWriter(path);
        var sequence = 0;
        void Event(Action<Utf8JsonWriter> body)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", sequence++);
                w.WriteNumber("timestamp", 1764410000 + sequence);
                body(w);
                w.WriteEndObject();
            }
            file.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        Event(w => { w.WriteStartObject("preludeEvent"); w.WriteStartObject("config"); w.WriteString("oci:region", region); w.WriteEndObject(); w.WriteEndObject(); });
        var list = WithProviders(nodes, region);
        foreach (var kind in new[] { "resourcePreEvent", "resOutputsEvent" })
            foreach (var n in list)
                Event(w =>
                {
                    w.WriteStartObject(kind);
                    w.WriteStartObject("metadata");
                    w.WriteString("op", n.Type == "pulumi:pulumi:Stack" ? "same" : "create");
                    w.WriteString("urn", n.Urn);
                    w.WriteString("type", n.Type);
                    w.WriteNull("old");
                    w.WritePropertyName("new");
                    State(w, n, events: true);
                    w.WriteNull("detailedDiff");
                    w.WriteString("provider", n.Provider ?? "");
                    w.WriteEndObject();
                    w.WriteBoolean("planning", true);
                    w.WriteEndObject();
                });
        Event(w => { w.WriteStartObject("summaryEvent"); w.WriteBoolean("maybeCorrupt", false); w.WriteNumber("durationSeconds", 3); w.WriteStartObject("resourceChanges"); w.WriteNumber("create", list.Count - 1); w.WriteEndObject(); w.WriteStartObject("PolicyPacks"); w.WriteEndObject(); w.WriteBoolean("isPreview", true); w.WriteEndObject(); });
        Event(w => { w.WriteStartObject("cancelEvent"); w.WriteEndObject(); });
    }

    /// <summary>
    /// The nodes as the engine records them: every custom resource names its provider (the mock engine of the offline
    /// run records the region instead: the provider of that region is named, else the default provider), and the
    /// default provider resources the program does not register (the engine makes them from the stack config, and
    /// states and previews list them with their inputs, the region among them) are added.
    /// </summary>
    public static List<ResourceNode> WithProviders(IEnumerable<ResourceNode> nodes, string region)
    {
        var list = nodes.ToList();
        var byRegion = list.Where(n => n.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal) && n.Inputs["region"].AsString() is not null)
            .GroupBy(n => n.Inputs["region"].AsString()!).ToDictionary(g => g.Key, g => g.First());
        var defaultProvider = $"{list[0].Urn[..(list[0].Urn.IndexOf("::", list[0].Urn.IndexOf("::", 11) + 2) + 2)]}pulumi:providers:oci::default_4_20_0::{PulumiValues.UnknownSentinel}";
        for (var i = 0; i < list.Count; i++)
        {
            var n = list[i];
            if (!n.Custom || n.Provider is not null || n.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)) continue;
            var provider = n.Region is { } r && byRegion.TryGetValue(r, out var p) ? $"{p.Urn}::{p.Id.AsString() ?? PulumiValues.UnknownSentinel}" : defaultProvider;
            list[i] = n with { Provider = provider };
        }
        var present = list.Select(n => n.Urn).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in list.Select(n => n.Provider).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            var cut = reference.LastIndexOf("::", StringComparison.Ordinal);
            var (urn, id) = (reference[..cut], reference[(cut + 2)..]);
            if (!present.Add(urn)) continue;
            var name = urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
            var type = urn.Split("::")[2];
            list.Insert(1, ResourceNode.Create(urn, type, name, inputs: PropertyValue.Map(("region", PropertyValue.Of(region)), ("version", PropertyValue.Of("4.20.0"))),
                id: id == PulumiValues.UnknownSentinel ? PropertyValue.Unknown : PropertyValue.Of(id)) with { Parent = null });
        }
        return list;
    }

    /// <summary><c>ResourceV3</c> (export) or <c>StepEventStateMetadata</c> (events: <c>custom</c> left out when false, empty strings for none).</summary>
    private static void State(Utf8JsonWriter w, ResourceNode n, bool events)
    {
        w.WriteStartObject();
        w.WriteString("urn", n.Urn);
        if (n.Custom || !events) w.WriteBoolean("custom", n.Custom);
        if (n.Id.IsUnknown) w.WriteString("id", PulumiValues.UnknownSentinel);
        else if (n.Id.AsString() is { } id) w.WriteString("id", id);
        else if (events) w.WriteString("id", "");
        w.WriteString("type", n.Type);
        if (n.Parent is not null || events) w.WriteString("parent", n.Parent ?? "");
        if (n.Protect) w.WriteBoolean("protect", true);
        w.WritePropertyName("inputs");
        Value(w, n.Inputs, events);
        w.WritePropertyName("outputs");
        Value(w, n.Outputs, events);
        if (n.Provider is not null || events) w.WriteString("provider", n.Provider ?? "");
        if (!events)
        {
            w.WriteStartArray("dependencies");
            foreach (var d in n.Dependencies) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteStartObject("propertyDependencies");
            foreach (var (k, urns) in n.PropertyDependencies)
            {
                w.WriteStartArray(k);
                foreach (var u in urns) w.WriteStringValue(u);
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteBoolean("refreshBeforeUpdate", true);
        }
        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, PropertyValue v, bool blinded)
    {
        switch (v)
        {
            case NullValue: w.WriteNullValue(); break;
            case UnknownValue: w.WriteStringValue(PulumiValues.UnknownSentinel); break;
            case SecretValue:
                w.WriteStartObject();
                w.WriteString(PulumiValues.SignatureKey, PulumiValues.SecretSignature);
                w.WriteString("ciphertext", blinded ? "[secret]" : "v1:Tm9uY2U=:Y2lwaGVydGV4dA==");
                w.WriteEndObject();
                break;
            case BoolValue b: w.WriteBooleanValue(b.Value); break;
            case NumberValue n: w.WriteNumberValue(n.Value); break;
            case StringValue s: w.WriteStringValue(s.Value); break;
            case ResourceRefValue r:
                w.WriteStartObject();
                w.WriteString(PulumiValues.SignatureKey, PulumiValues.ResourceReferenceSignature);
                w.WriteString("urn", r.Urn);
                w.WriteString("id", r.Id ?? PulumiValues.UnknownSentinel);
                w.WriteString("packageVersion", "");
                w.WriteEndObject();
                break;
            case ListValue l:
                w.WriteStartArray();
                foreach (var item in l.Items) Value(w, item, blinded);
                w.WriteEndArray();
                break;
            case MapValue m:
                w.WriteStartObject();
                foreach (var (k, x) in m.Entries)
                {
                    w.WritePropertyName(k);
                    Value(w, x, blinded);
                }
                w.WriteEndObject();
                break;
        }
    }
}
