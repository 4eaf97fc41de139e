using Enclave.Policy.Engine;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Reports;

/// <summary>
/// A pull-request comment: verdict, counts by severity, the blocking violations first, then other violations,
/// undetermined and suppressed findings folded in &lt;details&gt;. Stays under GitHub's 65 536-character comment limit.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public const int MaxLength = 60_000;

    public void Write(ReportSet set, TextWriter output)
    {
        var md = new System.Text.StringBuilder();
        md.AppendLine($"## enclave check: {(set.Passed ? "passed" : "FAILED")}");
        md.AppendLine();
        md.AppendLine($"Gate: mandatory rules{(set.FailOn is { } t ? $" and advisory rules at or above **{ReportNames.Lower(t)}**" : "")}{(set.SoftFail ? " (soft-fail: never blocks)" : "")}.");
        md.AppendLine();
        md.AppendLine("| Stack | Source | Resources | Fail | Undetermined | Suppressed | Pass |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in set.Reports)
            md.AppendLine($"| {Cell(r.Stack)} | {Cell(r.Origin.ToString().ToLowerInvariant())} | {r.ResourceCount} | {r.Totals.Fail} | {r.Totals.Undetermined} | {r.Totals.Suppressed} | {r.Totals.Pass} |");
        foreach (var r in set.Reports)
        {
            md.AppendLine();
            md.AppendLine($"### {Cell(r.Stack)}");
            var violations = r.Violations.OrderByDescending(set.Blocks).ThenByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
            if (violations.Count == 0) md.AppendLine().AppendLine("No violations.");
            else
            {
                md.AppendLine();
                md.AppendLine("| | Severity | Rule | Resource | Finding |");
                md.AppendLine("|---|---|---|---|---|");
                foreach (var f in violations)
                    md.AppendLine($"| {(set.Blocks(f) ? "blocking" : "advisory")} | {ReportNames.Lower(f.Severity)} | {f.RuleId} {Cell(f.Rule.Title)} | `{Cell(ShortUrn(f.Urn))}` | {Cell(f.Finding.Message)} |");
            }
            Folded(md, "Undetermined (values known only at deploy)", r.Findings.Where(f => f.Status == FindingStatus.Undetermined),
                f => $"- {f.RuleId} `{Cell(ShortUrn(f.Urn))}`: {Cell(f.Finding.Message)}");
            Folded(md, "Suppressed by waivers", r.Findings.Where(f => f.Status == FindingStatus.Suppressed),
                f => $"- {f.RuleId} `{Cell(ShortUrn(f.Urn))}`: {Cell(f.Waiver!.Reason)} (until {f.Waiver.Expires:yyyy-MM-dd})");
        }
        var text = md.ToString();
        if (text.Length > MaxLength)
            text = text[..MaxLength] + "\n\n… (truncated; see the JSON or SARIF report for every finding)\n";
        output.Write(text);
    }

    private static void Folded(System.Text.StringBuilder md, string title, IEnumerable<ReportedFinding> findings, Func<ReportedFinding, string> line)
    {
        var list = findings.ToList();
        if (list.Count == 0) return;
        md.AppendLine().AppendLine($"<details><summary>{title}: {list.Count}</summary>").AppendLine();
        foreach (var f in list) md.AppendLine(line(f));
        md.AppendLine().AppendLine("</details>");
    }

    /// <summary>The URN without the <c>urn:pulumi:stack::project::</c> prefix.</summary>
    public static string ShortUrn(string urn)
    {
        var parts = urn.Split("::", 3);
        return parts.Length == 3 ? parts[2] : urn;
    }

    public static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ").Replace("<", "&lt;");

    /// <summary>The catalogue as a Markdown table (for `enclave rules --format markdown`).</summary>
    public static void WriteCatalogue(IEnumerable<RuleInfo> rules, TextWriter output)
    {
        output.WriteLine("| Id | Title | Severity | Enforcement | CIS v3.0 |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var r in rules)
            output.WriteLine($"| {r.Id} | {Cell(r.Title)} | {ReportNames.Lower(r.Severity)} | {ReportNames.Lower(r.Enforcement)} | {Cell(r.Cis ?? "")} |");
    }
}
