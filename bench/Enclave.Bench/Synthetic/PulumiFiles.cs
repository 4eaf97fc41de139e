using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Bench.Synthetic;

/// <summary>
/// Writes a synthetic enclave as the Pulumi CLI writes its files, for whole-process measurements of
/// <c>enclave check|access|diff</c>: a <c>pulumi stack export</c> (version 3), a <c>pulumi preview --json</c> and a
/// <c>--event-log</c> file. Each resource carries what a real deployment carries: a default-provider reference, the
/// stack as parent, dependencies and property dependencies for every input that names another resource, outputs
/// (the inputs plus the provider's computed fields: id, lifecycle state, creation time, Oracle's default tags),
/// creation timestamps, and secrets as ciphertext. Written streaming, so 200k resources need no large buffer.
/// </summary>
public static class PulumiFiles
{
    public const string Project = "us-data-enclave";
    // The synthetic enclave's own explicit provider (us-ashburn-1), which every custom resource uses.
    private const string ProviderUrnSuffix = "::pulumi:providers:oci::oci-us";
    private const string ProviderId = "ocid1.oci-us";

    /// <summary>
    /// The synthetic resources, renamed into <paramref name="stack"/> and placed in that stack's tenancy (so a real
    /// stack config judges them as it would its own export: the enclave's compartments hang off the tenancy it
    /// names, not off a tenancy it has never heard of, which would leave every compartment's place unknown).
    /// </summary>
    public static ImmutableArray<ResourceNode> Resources(int count, string stack)
    {
        var tenancy = TenancyOf(stack);
        return [.. SyntheticEnclave.Resources(count).Select(n => n with
        {
            Urn = n.Urn.Replace("urn:pulumi:bench::", $"urn:pulumi:{stack}::", StringComparison.Ordinal)
                .Replace($"::{Project}-bench", $"::{Project}-{stack}", StringComparison.Ordinal),
            Inputs = tenancy is not null && n.Input("compartmentId").AsString() == SyntheticEnclave.Tenancy
                ? new MapValue(n.Inputs.Fields.SetItem("compartmentId", PropertyValue.Of(tenancy)))
                : n.Inputs,
        })];
    }

    /// <summary>
    /// A temp file holding the export of <paramref name="resources"/> synthetic resources for <paramref name="stack"/>,
    /// written on first use (named with the generator's version, so a file from an older generator is not reused).
    /// </summary>
    public static string ExportFile(int resources, string stack)
    {
        var file = Path.Combine(Path.GetTempPath(), $"enclave-bench-export-v2-{stack}-{resources}.json");
        if (File.Exists(file)) return file;
        using var stream = File.Create(file);
        WriteExport(Resources(resources, stack), stack, stream);
        return file;
    }

    /// <summary>
    /// The synthetic enclave's policy, in the tenancy that <see cref="Resources"/> places <paramref name="stack"/>'s
    /// files in: what the in-process benchmarks judge those files with.
    /// </summary>
    public static PolicyContext PolicyFor(string stack) =>
        SyntheticEnclave.Policy with { TenancyId = TenancyOf(stack) ?? SyntheticEnclave.Tenancy };

    /// <summary>The stack config's <c>oci:tenancyOcid</c>, when the repository has the stack.</summary>
    private static string? TenancyOf(string stack)
    {
        var file = Path.Combine(RepoRoot.Find(), "stacks", $"Pulumi.{stack}.yaml");
        if (!File.Exists(file)) return null;
        const string key = "oci:tenancyOcid:";
        return File.ReadLines(file).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim();
    }

    public static void WriteExport(IReadOnlyList<ResourceNode> nodes, string stack, Stream output)
    {
        var links = new Links(nodes, stack);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("version", 3);
        w.WriteStartObject("deployment");
        w.WriteStartObject("manifest");
        w.WriteString("time", "2026-11-20T10:05:00.000Z");
        w.WriteString("magic", "3a5d0c2b9f");
        w.WriteString("version", "v3.270.0");
        w.WriteEndObject();
        w.WriteStartObject("secrets_providers");
        w.WriteString("type", "passphrase");
        w.WriteStartObject("state");
        w.WriteString("salt", "v1:c2FsdA==:v1:AbCd:ZmFrZQ==");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("resources");
        for (var i = 0; i < nodes.Count; i++)
        {
            State(w, nodes[i], links, preview: false);
            if ((i & 1023) == 0) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A preview in which every resource stays the same except every 20th, which is updated (a tag changes).</summary>
    public static void WritePreview(IReadOnlyList<ResourceNode> nodes, string stack, Stream output)
    {
        var links = new Links(nodes, stack);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("config");
        w.WriteString("oci:region", "us-ashburn-1");
        w.WriteString($"{Project}:adminPassword", "[secret]");
        w.WriteEndObject();
        w.WriteStartArray("steps");
        for (var i = 0; i < nodes.Count; i++)
        {
            var changed = i % 20 == 7;
            var after = changed ? nodes[i] with { Inputs = new MapValue(nodes[i].Inputs.Fields.SetItem("freeformTags", PropertyValue.Map(("change", PropertyValue.Of("yes"))))) } : nodes[i];
            w.WriteStartObject();
            w.WriteString("op", changed ? "update" : "same");
            w.WriteString("urn", nodes[i].Urn);
            w.WriteString("provider", links.ProviderReference);
            w.WritePropertyName("oldState");
            State(w, nodes[i], links, preview: true);
            w.WritePropertyName("newState");
            State(w, after, links, preview: true);
            if (changed)
            {
                w.WriteStartArray("diffReasons");
                w.WriteStringValue("freeformTags");
                w.WriteEndArray();
                w.WriteStartObject("detailedDiff");
                w.WriteStartObject("freeformTags.change");
                w.WriteString("kind", "add");
                w.WriteBoolean("inputDiff", true);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            else w.WriteNull("detailedDiff");
            w.WriteEndObject();
            if ((i & 1023) == 0) w.Flush();
        }
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        w.WriteEndArray();
        w.WriteNumber("duration", 4211000000);
        w.WriteStartObject("changeSummary");
        w.WriteNumber("same", nodes.Count - nodes.Count / 20);
        w.WriteNumber("update", nodes.Count / 20);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>One <c>ResourceV3</c> as the engine serialises it.</summary>
    internal static void State(Utf8JsonWriter w, ResourceNode n, Links links, bool preview)
    {
        var isStack = n.Type == "pulumi:pulumi:Stack";
        var isProvider = n.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal);
        w.WriteStartObject();
        w.WriteString("urn", n.Urn);
        w.WriteBoolean("custom", n.Custom);
        if (n.Id.AsString() is { } id) w.WriteString("id", id);
        w.WriteString("type", n.Type);
        w.WritePropertyName("inputs");
        Value(w, n.Inputs, preview);
        w.WritePropertyName("outputs");
        if (n.Custom && !isProvider) Outputs(w, n, preview);
        else Value(w, n.Outputs.Fields.Count > 0 ? n.Outputs : n.Inputs, preview);
        if (!isStack) w.WriteString("parent", links.StackUrn);
        if (n.Protect) w.WriteBoolean("protect", true);
        if (n.Custom && !isProvider) w.WriteString("provider", links.ProviderReference);
        var deps = links.DependenciesOf(n);
        if (deps.Count > 0)
        {
            w.WriteStartArray("dependencies");
            foreach (var (_, urn) in deps) w.WriteStringValue(urn);
            w.WriteEndArray();
            w.WriteStartObject("propertyDependencies");
            foreach (var group in deps.GroupBy(d => d.Key))
            {
                w.WriteStartArray(group.Key);
                foreach (var (_, urn) in group) w.WriteStringValue(urn);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteString("created", "2026-11-20T10:04:12.123456789Z");
        w.WriteString("modified", "2026-11-20T10:04:12.123456789Z");
        if (!isStack) w.WriteString("sourcePosition", "project:///infra/Enclave/Components/Workload.cs#42,9");
        w.WriteEndObject();
    }

    /// <summary>What the OCI provider returns: the inputs (provider defaults included) plus computed attributes.</summary>
    private static void Outputs(Utf8JsonWriter w, ResourceNode n, bool preview)
    {
        w.WriteStartObject();
        foreach (var (k, v) in n.Inputs.Fields)
        {
            w.WritePropertyName(k);
            Value(w, v, preview);
        }
        foreach (var (k, v) in n.Outputs.Fields)
        {
            if (n.Inputs.Fields.ContainsKey(k)) continue;
            w.WritePropertyName(k);
            Value(w, v, preview);
        }
        if (!n.Inputs.Fields.ContainsKey("definedTags"))
        {
            w.WriteStartObject("definedTags");
            w.WriteString("Oracle-Tags.CreatedBy", "ocid1.user.oc1..aaaaaaaadeployerbench");
            w.WriteString("Oracle-Tags.CreatedOn", "2026-11-20T10:04:12.123Z");
            w.WriteEndObject();
        }
        if (!n.Inputs.Fields.ContainsKey("freeformTags"))
        {
            w.WriteStartObject("freeformTags");
            w.WriteEndObject();
        }
        w.WriteString("id", n.Id.AsString() ?? "");
        w.WriteString("state", n.Type.Contains("Database", StringComparison.Ordinal) ? "AVAILABLE" : "ACTIVE");
        w.WriteString("timeCreated", "2026-11-20 10:04:12.123 +0000 UTC");
        w.WriteEndObject();
    }

    internal static void Value(Utf8JsonWriter w, PropertyValue v, bool preview)
    {
        switch (v)
        {
            case NullValue: w.WriteNullValue(); break;
            case UnknownValue: w.WriteStringValue(PulumiValues.UnknownSentinel); break;
            case SecretValue when preview: w.WriteStringValue("[secret]"); break;
            case SecretValue:
                w.WriteStartObject();
                w.WriteString(PulumiValues.SignatureKey, PulumiValues.SecretSignature);
                w.WriteString("ciphertext", "v1:Tm9uY2VOb25jZQ==:ZmFicmljYXRlZC1jaXBoZXJ0ZXh0LWZvci1iZW5jaA==");
                w.WriteEndObject();
                break;
            case BoolValue b: w.WriteBooleanValue(b.Value); break;
            case NumberValue n: w.WriteNumberValue(n.Value); break;
            case StringValue s: w.WriteStringValue(s.Value); break;
            case ListValue l:
                w.WriteStartArray();
                foreach (var item in l.Items) Value(w, item, preview);
                w.WriteEndArray();
                break;
            case MapValue m:
                w.WriteStartObject();
                foreach (var (k, x) in m.Fields)
                {
                    w.WritePropertyName(k);
                    Value(w, x, preview);
                }
                w.WriteEndObject();
                break;
            default: w.WriteNullValue(); break;
        }
    }

    /// <summary>The stack and provider URNs, and which resource each input's OCID names (for dependencies).</summary>
    internal sealed class Links
    {
        private readonly Dictionary<string, string> _urnById = new(StringComparer.Ordinal);

        public Links(IReadOnlyList<ResourceNode> nodes, string stack)
        {
            Stack = stack;
            StackUrn = $"urn:pulumi:{stack}::{Project}::pulumi:pulumi:Stack::{Project}-{stack}";
            ProviderUrn = $"urn:pulumi:{stack}::{Project}{ProviderUrnSuffix}";
            foreach (var n in nodes)
                if (n.Id.AsString() is { } id) _urnById.TryAdd(id, n.Urn);
        }

        public string Stack { get; }
        public string StackUrn { get; }
        public string ProviderUrn { get; }
        public string ProviderReference => $"{ProviderUrn}::{ProviderId}";

        /// <summary>(input key, URN) for every top-level input whose value holds another resource's OCID.</summary>
        public List<KeyValuePair<string, string>> DependenciesOf(ResourceNode n)
        {
            var deps = new List<KeyValuePair<string, string>>();
            foreach (var (k, v) in n.Inputs.Fields) Collect(k, v, deps);
            return deps;
        }

        private void Collect(string key, PropertyValue v, List<KeyValuePair<string, string>> into)
        {
            switch (v)
            {
                case StringValue s when _urnById.TryGetValue(s.Value, out var urn):
                    if (!into.Exists(d => d.Key == key && d.Value == urn)) into.Add(new(key, urn));
                    break;
                case ListValue l:
                    foreach (var item in l.Items) Collect(key, item, into);
                    break;
                case MapValue m:
                    foreach (var (_, x) in m.Fields) Collect(key, x, into);
                    break;
            }
        }
    }
}
