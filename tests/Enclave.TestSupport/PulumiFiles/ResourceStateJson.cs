using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.TestSupport.PulumiFiles;

/// <summary>
/// One resource state in the two forms the engine writes: <c>ResourceV3</c> (stack exports and the states of
/// <c>pulumi preview --json</c> steps; empty fields left out, as Go's <c>omitempty</c> does) and
/// <c>StepEventStateMetadata</c> (engine events: <c>custom</c> left out when false, empty strings for none).
/// </summary>
public static class ResourceStateJson
{
    public static void WriteV3(Utf8JsonWriter w, ResourceNode n, StateFields fields)
    {
        w.WriteStartObject();
        w.WriteString("urn", n.Urn);
        w.WriteBoolean("custom", n.Custom);
        if (n.Id.AsString() is { Length: > 0 } id) w.WriteString("id", id);
        w.WriteString("type", n.Type);
        w.WritePropertyName("inputs");
        PropertyJson.Write(w, n.Inputs, fields.Secrets);
        w.WritePropertyName("outputs");
        PropertyJson.Write(w, n.Outputs, fields.Secrets);
        if (n.Parent is not null) w.WriteString("parent", n.Parent);
        if (n.Protect) w.WriteBoolean("protect", true);
        if (n.Provider is not null) w.WriteString("provider", n.Provider);
        if (n.Dependencies.Length > 0)
        {
            w.WriteStartArray("dependencies");
            foreach (var d in n.Dependencies) w.WriteStringValue(d);
            w.WriteEndArray();
        }
        if (n.PropertyDependencies.Count > 0)
        {
            w.WriteStartObject("propertyDependencies");
            foreach (var (key, urns) in n.PropertyDependencies)
            {
                w.WriteStartArray(key);
                foreach (var u in urns) w.WriteStringValue(u);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        if (fields.Created is { } created) w.WriteString("created", created);
        if (fields.Modified is { } modified) w.WriteString("modified", modified);
        if (fields.SourcePosition is { } position && n.Type != "pulumi:pulumi:Stack") w.WriteString("sourcePosition", position);
        if (fields.RefreshBeforeUpdate) w.WriteBoolean("refreshBeforeUpdate", true);
        if (fields.FieldFromANewerCli)
        {
            w.WriteStartArray("somethingNewerCliAdded");
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>The state in an engine event; secrets blinded as the engine blinds them.</summary>
    public static void WriteEventMetadata(Utf8JsonWriter w, ResourceNode n)
    {
        w.WriteStartObject();
        w.WriteString("urn", n.Urn);
        if (n.Custom) w.WriteBoolean("custom", true);
        w.WriteString("id", n.Id.AsString() ?? "");
        w.WriteString("type", n.Type);
        w.WriteString("parent", n.Parent ?? "");
        if (n.Protect) w.WriteBoolean("protect", true);
        w.WritePropertyName("inputs");
        PropertyJson.Write(w, n.Inputs, SecretForm.Blinded);
        w.WritePropertyName("outputs");
        PropertyJson.Write(w, n.Outputs, SecretForm.Blinded);
        w.WriteString("provider", n.Provider ?? "");
        w.WriteEndObject();
    }
}
