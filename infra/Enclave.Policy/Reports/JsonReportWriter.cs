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
        w.WriteString("evaluatedOn", report.EvaluatedOn.Iso());
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
        var ids = new RuleIdCache();
        foreach (var f in report.Findings)
        {
            WriteFinding(w, set, f, ids);
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

    // Property names of a finding, encoded once: a large state's report has hundreds of thousands of findings.
    private static readonly JsonEncodedText RuleIdName = JsonEncodedText.Encode("ruleId"),
        SeverityName = JsonEncodedText.Encode("severity"), EnforcementName = JsonEncodedText.Encode("enforcement"),
        StatusName = JsonEncodedText.Encode("status"), BlockingName = JsonEncodedText.Encode("blocking"),
        UrnName = JsonEncodedText.Encode("urn"), MessageName = JsonEncodedText.Encode("message"),
        UnreadableName = JsonEncodedText.Encode("unreadable"), DetailsName = JsonEncodedText.Encode("details");

    /// <summary>A message kept in parts is written part by part: no string of the whole per finding.</summary>
    private static void WriteMessage(Utf8JsonWriter w, FindingText text)
    {
        var parts = text.Parts;
        if (parts.IsEmpty)
        {
            w.WriteString(MessageName, text.ToString());
            return;
        }
        w.WritePropertyName(MessageName);
        foreach (var part in parts) w.WriteStringValueSegment(part, isFinalSegment: false);
        w.WriteStringValueSegment(ReadOnlySpan<char>.Empty, isFinalSegment: true);
    }

    // Values a finding takes from a short list (the three enums, the rule id), encoded once as well: writing them
    // as strings escaped and transcoded the same few words once per finding. Indexed by the enum's value.
    private static readonly JsonEncodedText[] SeverityValues = Encoded<Severity>(),
        EnforcementValues = Encoded<Enforcement>(), StatusValues = Encoded<FindingStatus>();

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static JsonEncodedText[] Encoded<T>() where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var encoded = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var v in values)
            encoded[Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(v.ToString().ToLowerInvariant(), Encoder);
        return encoded;
    }

    /// <summary>A rule's id, encoded once per run of findings of that rule (findings come grouped by rule).</summary>
    private sealed class RuleIdCache
    {
        private RuleInfo? _rule;
        private JsonEncodedText _id;

        public JsonEncodedText Of(RuleInfo rule)
        {
            if (!ReferenceEquals(rule, _rule)) (_rule, _id) = (rule, JsonEncodedText.Encode(rule.Id, Encoder));
            return _id;
        }
    }

    private static void WriteFinding(Utf8JsonWriter w, ReportSet set, ReportedFinding f, RuleIdCache ids)
    {
        w.WriteStartObject();
        w.WriteString(RuleIdName, ids.Of(f.Rule));
        var (severity, enforcement, status) = (f.Severity, f.Rule.Enforcement, f.Status);
        // An enum value outside the declared ones (none today) is written by name, as before.
        if ((uint)severity < (uint)SeverityValues.Length) w.WriteString(SeverityName, SeverityValues[(int)severity]);
        else w.WriteString(SeverityName, ReportNames.Lower(severity));
        if ((uint)enforcement < (uint)EnforcementValues.Length) w.WriteString(EnforcementName, EnforcementValues[(int)enforcement]);
        else w.WriteString(EnforcementName, ReportNames.Lower(enforcement));
        if ((uint)status < (uint)StatusValues.Length) w.WriteString(StatusName, StatusValues[(int)status]);
        else w.WriteString(StatusName, ReportNames.Lower(status));
        w.WriteBoolean(BlockingName, set.Blocks(f));
        w.WriteString(UrnName, f.Urn);
        // The finding's fields, read without making the Finding object (ReportedFinding keeps fields, and a large
        // state's report writes ~960k findings).
        WriteMessage(w, f.Text);
        if (f.Unreadable) w.WriteBoolean(UnreadableName, true);
        w.WriteStartArray(DetailsName);
        foreach (var d in f.Evidence) w.WriteStringValue(d);
        w.WriteEndArray();
        if (f.Waiver is { } waiver)
        {
            w.WriteStartObject("waiver");
            w.WriteString("reason", waiver.Reason);
            w.WriteString("expires", waiver.Expires.Iso());
            w.WriteString("location", waiver.Location);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
