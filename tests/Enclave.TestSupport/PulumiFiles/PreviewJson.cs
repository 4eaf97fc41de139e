using System.Text;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.TestSupport.PulumiFiles;

/// <summary>One step of a preview: its operation, the states before and after, and what changed.</summary>
public sealed record PreviewStep(string Op, ResourceNode? Old, ResourceNode? New)
{
    /// <summary>The step's provider reference; by default the new (else old) state's.</summary>
    public string? Provider { get; init; } = New?.Provider ?? Old?.Provider;

    public IReadOnlyList<string> DiffReasons { get; init; } = [];

    /// <summary>Property path → diff kind (<c>add</c>, <c>update</c>, <c>delete</c>), each an input diff.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DetailedDiff { get; init; } = [];

    /// <summary>A step that creates <paramref name="node"/>.</summary>
    public static PreviewStep Create(ResourceNode node) => new("create", null, node);
}

/// <summary>Writes steps as <c>pulumi preview --json</c> prints them (secrets as <c>"[secret]"</c> unless said otherwise).</summary>
public static class PreviewJson
{
    /// <param name="config">The stack config the preview prints (secret values are printed as <c>"[secret]"</c>).</param>
    public static void Write(Stream output, IEnumerable<PreviewStep> steps, IEnumerable<KeyValuePair<string, string>> config, StateFields? state = null)
    {
        state ??= new StateFields { Secrets = SecretForm.Marker };
        var summary = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var written = 0;
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("config");
        foreach (var (k, v) in config) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteStartArray("steps");
        foreach (var step in steps)
        {
            Step(w, step, state);
            summary[step.Op] = summary.GetValueOrDefault(step.Op) + 1;
            if (++written % 1024 == 0) w.Flush();
        }
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        w.WriteEndArray();
        w.WriteNumber("duration", 4211000000);
        w.WriteStartObject("changeSummary");
        foreach (var (op, count) in summary) w.WriteNumber(op, count);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string Write(IEnumerable<PreviewStep> steps, IEnumerable<KeyValuePair<string, string>> config, StateFields? state = null)
    {
        using var stream = new MemoryStream();
        Write(stream, steps, config, state);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Step(Utf8JsonWriter w, PreviewStep step, StateFields state)
    {
        w.WriteStartObject();
        w.WriteString("op", step.Op);
        w.WriteString("urn", (step.New ?? step.Old)!.Urn);
        if (step.Provider is not null) w.WriteString("provider", step.Provider);
        if (step.Old is not null)
        {
            w.WritePropertyName("oldState");
            ResourceStateJson.WriteV3(w, step.Old, state);
        }
        if (step.New is not null)
        {
            w.WritePropertyName("newState");
            ResourceStateJson.WriteV3(w, step.New, state);
        }
        if (step.DiffReasons.Count > 0)
        {
            w.WriteStartArray("diffReasons");
            foreach (var r in step.DiffReasons) w.WriteStringValue(r);
            w.WriteEndArray();
        }
        if (step.DetailedDiff.Count == 0) w.WriteNull("detailedDiff");
        else
        {
            w.WriteStartObject("detailedDiff");
            foreach (var (path, kind) in step.DetailedDiff)
            {
                w.WriteStartObject(path);
                w.WriteString("kind", kind);
                w.WriteBoolean("inputDiff", true);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
