using Enclave.Policy.Engine;
using Enclave.Policy.Review.Render;
using Enclave.Policy.Rules;
using Enclave.Escaping;

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
            var violations = r.Violations.OrderByDescending(set.Gated).ThenByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
            if (violations.Count == 0) md.AppendLine().AppendLine("No violations.");
            else
            {
                md.AppendLine();
                md.AppendLine("| | Severity | Rule | Resource | Finding |");
                md.AppendLine("|---|---|---|---|---|");
                // Past the comment's length nothing more is shown: stop building (80,000 rows were 400 MB of text to cut to 60,000 characters).
                foreach (var f in violations.TakeWhile(_ => md.Length <= MaxLength))
                    md.AppendLine($"| {set.GateLabel(f)} | {ReportNames.Lower(f.Severity)} | {f.RuleId} {Cell(f.Rule.Title)} | {Markdown.Code(ShortUrn(f.Urn))} | {Cell(f.Finding.Message)} |");
            }
            Folded(md, "Undetermined (values known only at deploy)", r.Findings.Where(f => f.Status == FindingStatus.Undetermined),
                f => $"- {f.RuleId} {Markdown.Code(ShortUrn(f.Urn))}: {Cell(f.Finding.Message)}");
            Folded(md, "Suppressed by waivers", r.Findings.Where(f => f.Status == FindingStatus.Suppressed),
                f => $"- {f.RuleId} {Markdown.Code(ShortUrn(f.Urn))}: {Cell(f.Waiver!.Reason)} (until {f.Waiver.Expires.Iso()})");
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
        foreach (var f in list.TakeWhile(_ => md.Length <= MaxLength)) md.AppendLine(line(f));
        md.AppendLine().AppendLine("</details>");
    }

    /// <summary>The URN without the <c>urn:pulumi:stack::project::</c> prefix.</summary>
    public static string ShortUrn(string urn)
    {
        // Every line of a report names a URN: one substring, not the three strings of a split.
        var first = urn.IndexOf("::", StringComparison.Ordinal);
        var second = first < 0 ? -1 : urn.IndexOf("::", first + 2, StringComparison.Ordinal);
        return second < 0 ? urn : urn[(second + 2)..];
    }

    /// <summary>
    /// Text for a table cell or a line: escaped by the shared escaper (one line, no control or bidi characters), then
    /// for Markdown by the one Markdown escaper (<see cref="Markdown.Text"/>; URNs go in <see cref="Markdown.Code"/>
    /// spans). A cell that only escaped | and &lt; let a resource name end its code span with a backtick and post an
    /// image, a link or an @mention into the PR comment.
    /// </summary>
    public static string Cell(string text) => Markdown.Text(text);

    /// <summary>
    /// The rule catalogue (`enclave rules --format markdown`, committed as docs/rules.md): a summary table, then one
    /// section per rule headed by its id alone, so that <c>docs/rules.md#enc-net-002</c> is a stable link.
    /// </summary>
    public static void WriteCatalogue(IEnumerable<RuleInfo> rules, TextWriter output)
    {
        var list = rules.ToList();
        output.WriteLine("# Isolation rules");
        output.WriteLine();
        output.WriteLine("Generated by `enclave rules --format markdown`; do not edit by hand (a test compares them).");
        output.WriteLine();
        WhereRulesRun(output);
        output.WriteLine("| Id | Title | Severity | Enforcement | CIS v3.0 | In the engine |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in list)
            output.WriteLine($"| [{r.Id}](#{Anchor(r.Id)}) | {Cell(r.Title)} | {ReportNames.Lower(r.Severity)} | {ReportNames.Lower(r.Enforcement)} | {Cell(r.Cis ?? "")} | {EngineStage(r.Scope)} |");
        output.WriteLine();
        RuleSemanticsMarkdown.Write(output);
        foreach (var r in list)
        {
            output.WriteLine();
            output.WriteLine($"## {r.Id}");
            output.WriteLine();
            output.WriteLine($"**{r.Title}** — {ReportNames.Lower(r.Severity)}, {ReportNames.Lower(r.Enforcement)}" +
                             (r.Cis is null ? "" : $", CIS OCI Foundations Benchmark v3.0: {r.Cis}"));
            output.WriteLine();
            output.WriteLine($"Runs offline, on files, and in the engine {EngineStage(r.Scope)}.");
            output.WriteLine();
            output.WriteLine(r.Rationale);
            output.WriteLine();
            output.WriteLine($"**Remediation:** {r.Remediation}");
        }
    }

    /// <summary>The catalogue's preamble: the three places every rule runs, and what the scope changes in the engine.</summary>
    private static void WhereRulesRun(TextWriter output)
    {
        output.WriteLine("Every rule runs in three places, on the same resource graph and with the stack's own settings (gatekeepers,");
        output.WriteLine("parent-company exclusions, allowed regions):");
        output.WriteLine();
        output.WriteLine("- **offline**: `enclave plan` and `enclave check STACK` run the program in-process under the SDK's mock engine");
        output.WriteLine("  with the stack's real configuration;");
        output.WriteLine("- **on files**: `enclave check --preview-json` (`pulumi preview --json`), `--state` (`pulumi stack export`, a");
        output.WriteLine("  checkpoint) and `--plan` (a committed plan), and `enclave diff`;");
        output.WriteLine("- **in the engine**: the policy pack `infra/Enclave.PolicyPack` inside `pulumi preview` and `pulumi up`");
        output.WriteLine("  (`--policy-pack`, see docs/deploy.md). A rule of scope *resource* reads only a resource's own inputs, options");
        output.WriteLine("  and provider, so it judges each resource **as the program registers it**, before the engine creates or changes");
        output.WriteLine("  it (a test holds each such rule to the same verdict alone as in its stack). A rule of scope *stack* reads other");
        output.WriteLine("  resources too and judges **the whole stack** at the end of the preview (and again after the update). Either");
        output.WriteLine("  way a mandatory violation in the preview stops `pulumi up` before anything changes.");
        output.WriteLine();
    }

    /// <summary>When a rule judges inside <c>pulumi preview</c>/<c>up</c>, for its scope.</summary>
    public static string EngineStage(RuleScope scope) =>
        scope == RuleScope.Resource ? "per resource, as it is registered" : "on the whole stack";

    /// <summary>The anchor GitHub generates for a heading that is just the rule id (lower case; ids have no spaces).</summary>
    public static string Anchor(string ruleId) => ruleId.ToLowerInvariant();
}
