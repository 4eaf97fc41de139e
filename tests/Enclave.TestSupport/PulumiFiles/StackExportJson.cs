using System.Text;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.TestSupport.PulumiFiles;

/// <summary>What kind of <c>pulumi stack export</c> to write.</summary>
public sealed record ExportForm
{
    /// <summary>The deployment schema version (3, or 4 with <see cref="Features"/>).</summary>
    public int Version { get; init; } = 3;

    /// <summary>The version-4 features the file says it needs.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The file-backend checkpoint (<c>{version, checkpoint: {stack, config, latest}}</c>) instead of an export.</summary>
    public bool Checkpoint { get; init; }

    /// <summary>The checkpoint's <c>oci:region</c>.</summary>
    public string Region { get; init; } = "us-ashburn-1";

    public StateFields State { get; init; } = new();
}

/// <summary>Writes resources as <c>pulumi stack export</c> does, streaming (200k resources need no large buffer).</summary>
public static class StackExportJson
{
    public static void Write(Stream output, IEnumerable<ResourceNode> nodes, ExportForm form)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("version", form.Version);
        if (form.Features.Count > 0)
        {
            w.WriteStartArray("features");
            foreach (var f in form.Features) w.WriteStringValue(f);
            w.WriteEndArray();
        }
        var list = nodes as IReadOnlyList<ResourceNode> ?? [.. nodes];
        if (form.Checkpoint)
        {
            w.WriteStartObject("checkpoint");
            w.WriteString("stack", list.Count > 0 ? StackNameOf(list[0].Urn) : "organization/project/stack");
            w.WriteStartObject("config");
            w.WriteString("oci:region", form.Region);
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
        for (var i = 0; i < list.Count; i++)
        {
            ResourceStateJson.WriteV3(w, list[i], form.State);
            if ((i & 1023) == 1023) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        if (form.Checkpoint) w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string Write(IEnumerable<ResourceNode> nodes, ExportForm form)
    {
        using var stream = new MemoryStream();
        Write(stream, nodes, form);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(string path, IEnumerable<ResourceNode> nodes, ExportForm form)
    {
        using var file = File.Create(path);
        Write(file, nodes, form);
    }

    /// <summary><c>organization/PROJECT/STACK</c> from an URN <c>urn:pulumi:STACK::PROJECT::…</c>.</summary>
    private static string StackNameOf(string urn)
    {
        var parts = urn["urn:pulumi:".Length..].Split("::");
        return $"organization/{parts[1]}/{parts[0]}";
    }
}
