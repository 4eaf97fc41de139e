using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Enclave.Policy.Engine;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Reports;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run, the catalogue as <c>tool.driver.rules</c> (with
/// <c>security-severity</c>), a result per failed, undetermined (kind <c>review</c>, level <c>note</c>) or suppressed
/// finding, located at the stack's config file with the URN as logical location and a fingerprint stable per
/// (rule, URN). Passing findings are not results.
/// </summary>
/// <remarks>
/// Rule documentation: every rule carries <c>help.text</c>/<c>help.markdown</c> (what GitHub shows in the alert). SARIF
/// requires <c>helpUri</c> and <c>informationUri</c> to be absolute URIs (a relative one cannot be resolved through
/// <c>originalUriBaseIds</c>, which applies to artifact locations only), and the tool cannot know where the
/// repository is hosted: they are written only when ENCLAVE_RULES_URI gives the absolute address of the committed
/// docs/rules.md (e.g. https://github.com/org/repo/blob/main/docs/rules.md), as <c>&lt;uri&gt;#&lt;rule-id&gt;</c>.
/// </remarks>
public sealed class SarifReportWriter(string? rulesUri) : IReportWriter
{
    /// <summary>The variable that gives the address of the committed docs/rules.md.</summary>
    public const string RulesUriVariable = "ENCLAVE_RULES_URI";

    /// <summary>Links to ENCLAVE_RULES_URI when it is set to an absolute URI.</summary>
    public SarifReportWriter() : this(Environment.GetEnvironmentVariable(RulesUriVariable)) { }

    /// <summary>
    /// The absolute address of docs/rules.md, or null (no links written). An address with credentials
    /// (<c>https://user:token@host/…</c>) is never written: every report would publish them.
    /// </summary>
    public string? RulesUri { get; } = RulesUriProblem(rulesUri) is null && Uri.TryCreate(rulesUri, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null;

    /// <summary>
    /// Why <paramref name="value"/> (ENCLAVE_RULES_URI) cannot be the rules' address, or null when it can or is unset.
    /// The CLI checks it at start-up (exit 2): set but unusable, it was ignored without a word and every SARIF report
    /// silently lost its links.
    /// </summary>
    public static string? RulesUriProblem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "expected the absolute http(s) address of the committed docs/rules.md (e.g. https://github.com/ORG/REPO/blob/main/docs/rules.md)";
        if (uri.UserInfo.Length > 0)
            return "the address holds credentials (user:password@), which every SARIF report would publish; give it without them";
        return null;
    }

    public void Write(ReportSet set, TextWriter output)
    {
        var rules = set.Rules;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        // Streamed into the output as it is written (TextWriterStream), never held whole.
        using var stream = new TextWriterStream(output);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", ReportNames.ToolName);
            w.WriteString("version", ReportNames.ToolVersion);
            w.WriteString("semanticVersion", ReportNames.ToolVersion);
            if (RulesUri is not null) w.WriteString("informationUri", RulesUri);
            w.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(w, rule);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var report in set.Reports)
            foreach (var f in report.Findings.Where(f => f.Status != FindingStatus.Pass))
            {
                WriteResult(w, report, f, index[f.RuleId]);
                TextWriterStream.FlushWhenFull(w);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine();
    }

    public static string Level(Severity s) => s switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub maps ≥9 critical, ≥7 high, ≥4 medium, else low.</summary>
    public static string SecuritySeverity(Severity s) => s switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        _ => "3.0",
    };

    /// <summary>Stable fingerprint of a finding: SHA-256 of rule id and URN.</summary>
    public static string Fingerprint(string ruleId, string urn) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{urn}")));

    private void WriteRule(Utf8JsonWriter w, RuleInfo rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", PascalName(rule.Title));
        Text(w, "shortDescription", rule.Title);
        Text(w, "fullDescription", rule.Rationale);
        w.WriteStartObject("help");
        w.WriteString("text", rule.Remediation);
        w.WriteString("markdown", $"**{rule.Title}** ({rule.Id})\n\n{rule.Rationale}\n\n**Remediation:** {rule.Remediation}" +
                                  (rule.Cis is null ? "" : $"\n\nCIS OCI Foundations Benchmark v3.0: {rule.Cis}"));
        w.WriteEndObject();
        if (RulesUri is not null) w.WriteString("helpUri", $"{RulesUri.Split('#')[0]}#{MarkdownReportWriter.Anchor(rule.Id)}");
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.Severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("security-severity", SecuritySeverity(rule.Severity));
        w.WriteString("precision", "high");
        w.WriteStartArray("tags");
        w.WriteStringValue("security");
        w.WriteStringValue(ReportNames.Lower(rule.Enforcement));
        if (rule.Cis is not null) w.WriteStringValue($"CIS-OCI-3.0 {rule.Cis}");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, PolicyReport report, ReportedFinding f, int ruleIndex)
    {
        var undetermined = f.Finding.Verdict == Verdict.Undetermined;
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("kind", undetermined ? "review" : "fail");
        w.WriteString("level", undetermined ? "note" : Level(f.Severity));
        Text(w, "message", f.Finding.Evidence.Length == 0 ? f.Finding.Message : $"{f.Finding.Message} ({string.Join("; ", f.Finding.Evidence)})");
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        // A URI reference: a stack name from an artifact can hold anything, so it is percent-encoded.
        w.WriteString("uri", ReportNames.StackFile(Uri.EscapeDataString(report.Stack)));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", 1);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("logicalLocations");
        w.WriteStartObject();
        w.WriteString("fullyQualifiedName", f.Urn);
        w.WriteString("kind", "resource");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("partialFingerprints");
        w.WriteString("enclaveFinding/v1", Fingerprint(f.RuleId, f.Urn));
        w.WriteEndObject();
        if (f.Waiver is { } waiver)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "external");
            w.WriteString("status", "accepted");
            w.WriteString("justification", $"{waiver.Reason} (expires {waiver.Expires.Iso()}; {waiver.Location})");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartObject("properties");
        w.WriteString("stack", report.Stack);
        w.WriteString("status", ReportNames.Lower(f.Status));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    /// <summary>A rule name for SARIF: the title's words in PascalCase, letters and digits only.</summary>
    public static string PascalName(string title) =>
        string.Concat(title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(word => word.Length > 0)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
