using Enclave.Policy;
using Enclave.Policy.Engine;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;
using Spectre.Console;
using Enclave.Escaping;

namespace Enclave.Cli.Common;

/// <summary>
/// The human report of `enclave check`: per stack the violations (blocking first), undetermined and suppressed
/// findings, and the verdict. Stack names, URNs, messages, evidence, waiver reasons and paths come from inputs and go
/// through the shared escaper (<see cref="SafeText"/>) before they reach the writer or a Spectre cell.
/// </summary>
public static class TextReport
{
    /// <summary>
    /// On an interactive terminal: a table per stack, in colour. Otherwise (stdout redirected, NO_COLOR, TERM=dumb, a
    /// file): plain text, one finding per line and never wrapped, so URNs stay whole for grep and CI logs.
    /// </summary>
    public static void Write(ReportSet set, TextWriter writer) => Write(set, writer, Terminal.ColorWanted(writer));

    /// <summary>As <see cref="Write(ReportSet, TextWriter)"/> with colour (and the table width) chosen by the caller (tests render both forms).</summary>
    public static void Write(ReportSet set, TextWriter writer, bool color, int? width = null)
    {
        var console = color ? Terminal.For(writer, color: true, width) : null;
        void Line(string text)
        {
            if (console is null) writer.WriteLine(text); else console.WriteLine(text);
        }

        foreach (var report in set.Reports)
        {
            var title = $"{SafeText.Escape(report.Stack)} ({report.Origin.ToString().ToLowerInvariant()}{(report.Source is null ? "" : $": {SafeText.Escape(report.Source)}")})";
            if (console is null) Line($"== {title}");
            else console.Write(new Rule(Markup.Escape(title)).LeftJustified());
            var violations = report.Violations.OrderByDescending(set.Gated).ThenByDescending(f => f.Severity)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Urn, StringComparer.Ordinal).ToList();
            if (violations.Count == 0) Line("No violations.");
            else if (console is null)
                foreach (var f in violations) WritePlain(writer, set, f);
            else
            {
                var table = new Table().Border(TableBorder.Simple).Expand();
                table.AddColumn("Gate").AddColumn("Severity").AddColumn("Rule").AddColumn("Resource").AddColumn("Finding");
                foreach (var f in violations)
                    table.AddRow(new Text(Gate(set, f), set.Gated(f) ? new Style(Color.Red) : Style.Plain),
                        new Text(ReportNames.Lower(f.Severity), SeverityStyle(f.Severity)), new Text(f.RuleId),
                        new Text(ShortUrn(f)), new Text(Detail(f)));
                console.Write(table);
            }
            List("Undetermined (known only at deploy)", report.Findings.Where(f => f.Status == FindingStatus.Undetermined), Line,
                f => $"{f.RuleId} {ShortUrn(f)}: {SafeText.Escape(f.Finding.Message)}");
            List("Suppressed by waivers", report.Findings.Where(f => f.Status == FindingStatus.Suppressed), Line,
                f => $"{f.RuleId} {ShortUrn(f)}: {SafeText.Escape(f.Waiver!.Reason)} (until {f.Waiver.Expires.Iso()}, {SafeText.Escape(f.Waiver.Location)})");
            var t = report.Totals;
            Line($"{SafeText.Escape(report.Stack)}: {report.ResourceCount} resources, {report.Rules.Length} rules: {t.Fail} failed, {t.Undetermined} undetermined, {t.Suppressed} suppressed, {t.Pass} passed");
            Line("");
        }
        if (console is null) writer.WriteLine(Verdict(set));
        else console.Write(new Text(Verdict(set) + Environment.NewLine, set.Passed ? new Style(Color.Green) : new Style(Color.Red)));
    }

    /// <summary>The one-line verdict, also printed on stderr after machine formats.</summary>
    public static string Verdict(ReportSet set)
    {
        var blocking = set.Reports.SelectMany(r => r.Findings).Count(set.Blocks);
        var gated = set.Reports.SelectMany(r => r.Findings).Count(set.Gated);
        var violations = set.Reports.Sum(r => r.Totals.Fail);
        var stacks = string.Join(", ", set.Reports.Select(r => SafeText.Escape(r.Stack)));
        if (set.SoftFail && gated > 0)
            return $"PASSED (--soft-fail): {stacks}: {gated} violation(s) that would block, let through by --soft-fail; {violations - gated} advisory";
        return set.Passed
            ? $"PASSED: {stacks}: {violations} advisory violation(s), none blocking"
            : $"FAILED: {stacks}: {blocking} blocking violation(s) of {violations}";
    }

    private static string Gate(ReportSet set, ReportedFinding f) => set.Blocks(f) ? "BLOCKING" : set.Gated(f) ? "VIOLATION" : "advisory";

    private static string ShortUrn(ReportedFinding f) => SafeText.Escape(MarkdownReportWriter.ShortUrn(f.Urn));

    /// <summary>
    /// A violation on one line (plain output), the message followed by its evidence, written piece by piece: a report
    /// of 80,000 failures made each line a string of its own on top of its message, and that garbage was most of the
    /// memory of a text report.
    /// </summary>
    private static void WritePlain(TextWriter writer, ReportSet set, ReportedFinding f)
    {
        var finding = f.Finding;
        writer.Write(Gate(set, f));
        writer.Write(' ');
        writer.Write(ReportNames.Lower(f.Severity));
        writer.Write(' ');
        writer.Write(f.RuleId);
        writer.Write(' ');
        writer.Write(ShortUrn(f));
        writer.Write(": ");
        writer.Write(SafeText.Escape(finding.Message));
        if (finding.Evidence.Length > 0)
        {
            writer.Write(" (evidence: ");
            for (var i = 0; i < finding.Evidence.Length; i++)
            {
                if (i > 0) writer.Write("; ");
                writer.Write(SafeText.Escape(finding.Evidence[i]));
            }
            writer.Write(')');
        }
        writer.WriteLine();
    }

    /// <summary>The message and each piece of evidence on its own line of the table cell (the line breaks are ours).</summary>
    private static string Detail(ReportedFinding f) =>
        f.Finding.Evidence.Length == 0 ? SafeText.Escape(f.Finding.Message)
            : $"{SafeText.Escape(f.Finding.Message)}\n  {string.Join("\n  ", f.Finding.Evidence.Select(e => SafeText.Escape(e)))}";

    private static void List(string title, IEnumerable<ReportedFinding> findings, Action<string> write, Func<ReportedFinding, string> line)
    {
        var list = findings.ToList();
        if (list.Count == 0) return;
        write($"{title}: {list.Count}");
        foreach (var f in list) write($"  {line(f)}");
    }

    private static Style SeverityStyle(Severity s) => s switch
    {
        Severity.Critical => new Style(Color.Red, decoration: Decoration.Bold),
        Severity.High => new Style(Color.Red),
        Severity.Medium => new Style(Color.Yellow),
        _ => Style.Plain,
    };
}
