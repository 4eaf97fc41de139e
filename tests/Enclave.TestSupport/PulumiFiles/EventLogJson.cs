using System.Text;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.TestSupport.PulumiFiles;

/// <summary>
/// Writes the engine event log of <c>pulumi preview --event-log</c> for a preview that creates every resource: one
/// event per line, a prelude, a <c>resourcePreEvent</c> and a <c>resOutputsEvent</c> per step, the summary, the end.
/// </summary>
public static class EventLogJson
{
    public static void Write(string path, IReadOnlyList<ResourceNode> nodes, string region)
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
            file.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        Event(w =>
        {
            w.WriteStartObject("preludeEvent");
            w.WriteStartObject("config");
            w.WriteString("oci:region", region);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        foreach (var kind in new[] { "resourcePreEvent", "resOutputsEvent" })
            foreach (var n in nodes)
                Event(w =>
                {
                    w.WriteStartObject(kind);
                    w.WriteStartObject("metadata");
                    w.WriteString("op", n.Type == "pulumi:pulumi:Stack" ? "same" : "create");
                    w.WriteString("urn", n.Urn);
                    w.WriteString("type", n.Type);
                    w.WriteNull("old");
                    w.WritePropertyName("new");
                    ResourceStateJson.WriteEventMetadata(w, n);
                    w.WriteNull("detailedDiff");
                    w.WriteString("provider", n.Provider ?? "");
                    w.WriteEndObject();
                    w.WriteBoolean("planning", true);
                    w.WriteEndObject();
                });
        Event(w =>
        {
            w.WriteStartObject("summaryEvent");
            w.WriteBoolean("maybeCorrupt", false);
            w.WriteNumber("durationSeconds", 3);
            w.WriteStartObject("resourceChanges");
            w.WriteNumber("create", nodes.Count(n => n.Type != "pulumi:pulumi:Stack"));
            w.WriteEndObject();
            w.WriteStartObject("PolicyPacks");
            w.WriteEndObject();
            w.WriteBoolean("isPreview", true);
            w.WriteEndObject();
        });
        Event(w =>
        {
            w.WriteStartObject("cancelEvent");
            w.WriteEndObject();
        });
    }
}
