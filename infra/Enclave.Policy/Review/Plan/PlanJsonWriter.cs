using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Plan;

/// <summary>
/// Writes a <see cref="PlanDocument"/> as the versioned <c>enclave-plan</c> JSON document. Every key is written
/// in a fixed order, resources and findings are sorted, and nothing depends on the clock, the machine, the
/// culture or the working directory, so the same program and config always give the same bytes. Values are written
/// as reviewers read them (<see cref="ValueOrigins"/>): references, lookups, clock dates and assigned values as
/// markers, never as the offline run's stand-ins.
/// </summary>
public static class PlanJsonWriter
{
    public static string Write(PlanDocument plan) => ReviewJson.Build(w => Write(w, plan));

    /// <summary>The same document streamed into <paramref name="output"/>.</summary>
    public static void Write(PlanDocument plan, TextWriter output) => ReviewJson.WriteTo(output, w => Write(w, plan));

    public static void Write(Utf8JsonWriter w, PlanDocument plan)
    {
        w.WriteStartObject();
        w.WriteNumber("formatVersion", PlanDocument.FormatVersion);
        w.WriteString("kind", PlanDocument.Kind);
        w.WriteString("stack", plan.Stack);
        w.WriteString("project", plan.Project);
        w.WriteNumber("resourceCount", plan.Resources.Length);
        w.WriteStartArray("resources");
        var origins = ValueOrigins.For(plan.ToGraph());
        foreach (var r in plan.Resources.OrderBy(r => r.Urn, StringComparer.Ordinal))
        {
            WriteResource(w, r, origins);
            Reports.TextWriterStream.FlushWhenFull(w);
        }
        w.WriteEndArray();
        WritePolicy(w, plan.Policy);
        w.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter w, ResourceNode r, ValueOrigins origins)
    {
        w.WriteStartObject();
        w.WriteString("urn", r.Urn);
        w.WriteString("type", r.Type);
        w.WriteString("name", r.Name);
        w.WriteBoolean("custom", r.Custom);
        WriteNullable(w, "parent", r.Parent);
        w.WriteBoolean("protect", r.Protect);
        WriteNullable(w, "region", r.Region);
        WriteNullable(w, "provider", r.Provider);
        w.WritePropertyName("id");
        ValueJson.Write(w, origins.DisplayId(r));
        w.WriteStartArray("dependencies");
        foreach (var d in r.Dependencies.OrderBy(d => d, StringComparer.Ordinal)) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteStartObject("propertyDependencies");
        foreach (var (key, urns) in r.PropertyDependencies)
        {
            w.WriteStartArray(key);
            foreach (var u in urns.OrderBy(u => u, StringComparer.Ordinal)) w.WriteStringValue(u);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        // Only a graph read from a trimmed preview has inputs nobody knows; plans of the program never do.
        if (r.InputsUnknown) w.WriteBoolean("inputsUnknown", true);
        ValueJson.WriteMap(w, "inputs", origins.DisplayInputs(r));
        ValueJson.WriteMap(w, "outputs", origins.DisplayOutputs(r));
        w.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter w, PolicySummary policy)
    {
        w.WriteStartObject("policy");
        w.WriteString("verdict", policy.Passes ? "pass" : "fail");
        w.WriteStartObject("violations");
        foreach (var (severity, count) in policy.ViolationCounts) w.WriteNumber(SeverityName(severity), count);
        w.WriteEndObject();
        w.WriteNumber("passed", policy.Passed);
        w.WriteNumber("undetermined", policy.Undetermined);
        w.WriteNumber("suppressed", policy.SuppressedCount);
        w.WriteStartArray("findings");
        foreach (var f in policy.Findings.Order(PolicyFinding.Order))
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("title", f.Title);
            w.WriteString("severity", SeverityName(f.Severity));
            w.WriteString("enforcement", f.Enforcement == Rules.Enforcement.Mandatory ? "mandatory" : "advisory");
            w.WriteString("urn", f.Urn);
            w.WriteString("verdict", VerdictName(f.Verdict));
            w.WriteBoolean("suppressed", f.Suppressed);
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static string SeverityName(Rules.Severity s) => s.ToString().ToLowerInvariant();

    internal static string VerdictName(Rules.Verdict v) => v switch
    {
        Rules.Verdict.Pass => "pass",
        Rules.Verdict.Fail => "fail",
        _ => "undetermined",
    };

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
