using System.Text.Encodings.Web;
using System.Text.Json;
using Enclave.Policy.Engine;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Reports;

/// <summary>
/// The documented machine format (<c>schemaVersion</c> 1). Deterministic: stacks in the given order, rules and
/// findings sorted, no timestamps beyond the evaluation date. Shape:
/// <code>
/// { "schemaVersion": 1, "tool": {name, version},
///   "gate": {failOn, softFail, undetermined, passed},
///   "rules": [{id, title, severity, enforcement, cis, rationale, remediation}],
///   "stacks": [{stack, project, origin, source, resources, evaluatedOn, passed,
///               summary: {pass, fail, undetermined, suppressed, bySeverity: {low|medium|high|critical: {…}}},
///               findings: [{ruleId, severity, enforcement, status, blocking, urn, message, unreadable?, details[],
///                           waiver?: {reason, expires, location}}]}] }
/// </code>
/// Status is pass, fail, undetermined or suppressed; <c>blocking</c> marks the findings that fail the gate.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const int SchemaVersion = 1;

    public void Write(ReportSet set, TextWriter output)
    {
        // Streamed into the output as it is written (TextWriterStream), never held whole.
        using var stream = new TextWriterStream(output);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteStartObject("tool");
            w.WriteString("name", ReportNames.ToolName);
            w.WriteString("version", ReportNames.ToolVersion);
            w.WriteEndObject();
            w.WriteStartObject("gate");
            if (set.FailOn is { } t) w.WriteString("failOn", ReportNames.Lower(t)); else w.WriteNull("failOn");
            w.WriteBoolean("softFail", set.SoftFail);
            w.WriteString("undetermined", set.Undetermined == UndeterminedMode.Block ? "block" : "warn");
            w.WriteBoolean("passed", set.Passed);
            w.WriteEndObject();
            w.WriteStartArray("rules");
            foreach (var rule in set.Rules) WriteRule(w, rule);
            w.WriteEndArray();
            w.WriteStartArray("stacks");
            foreach (var report in set.Reports) WriteStack(w, set, report);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine();
    }

    public static void WriteRule(Utf8JsonWriter w, RuleInfo rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("title", rule.Title);
        w.WriteString("severity", ReportNames.Lower(rule.Severity));
        w.WriteString("enforcement", ReportNames.Lower(rule.Enforcement));
        if (rule.Cis is null) w.WriteNull("cis"); else w.WriteString("cis", rule.Cis);
        w.WriteString("rationale", rule.Rationale);
        w.WriteString("remediation", rule.Remediation);
        w.WriteEndObject();
    }

    private static void WriteStack(Utf8JsonWriter w, ReportSet set, PolicyReport report)
    {
        w.WriteStartObject();
        w.WriteString("stack", report.Stack);
        w.WriteString("project", report.Project);
        w.WriteString("origin", report.Origin.ToString().ToLowerInvariant());
        if (report.Source is null) w.WriteNull("source"); else w.WriteString("source", report.Source);
        w.WriteNumber("resources", report.ResourceCount);
        w.WriteString("evaluatedOn", report.EvaluatedOn.ToString("yyyy-MM-dd"));
        w.WriteBoolean("passed", !report.FailsGate(set.FailOn, set.SoftFail));
        w.WriteStartObject("summary");
        WriteCounts(w, report.Totals);
        w.WriteStartObject("bySeverity");
        foreach (var (severity, counts) in report.CountsBySeverity)
        {
            w.WriteStartObject(ReportNames.Lower(severity));
            WriteCounts(w, counts);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            WriteFinding(w, set, f);
            TextWriterStream.FlushWhenFull(w);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter w, StatusCounts c)
    {
        w.WriteNumber("pass", c.Pass);
        w.WriteNumber("fail", c.Fail);
        w.WriteNumber("undetermined", c.Undetermined);
        w.WriteNumber("suppressed", c.Suppressed);
    }

    private static void WriteFinding(Utf8JsonWriter w, ReportSet set, ReportedFinding f)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("severity", ReportNames.Lower(f.Severity));
        w.WriteString("enforcement", ReportNames.Lower(f.Rule.Enforcement));
        w.WriteString("status", ReportNames.Lower(f.Status));
        w.WriteBoolean("blocking", set.Blocks(f));
        w.WriteString("urn", f.Urn);
        w.WriteString("message", f.Finding.Message);
        if (f.Finding.Unreadable) w.WriteBoolean("unreadable", true);
        w.WriteStartArray("details");
        foreach (var d in f.Finding.Evidence) w.WriteStringValue(d);
        w.WriteEndArray();
        if (f.Waiver is { } waiver)
        {
            w.WriteStartObject("waiver");
            w.WriteString("reason", waiver.Reason);
            w.WriteString("expires", waiver.Expires.ToString("yyyy-MM-dd"));
            w.WriteString("location", waiver.Location);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
