using System.Globalization;
using System.Text;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Render;

/// <summary>
/// The diff as a pull-request comment: counts by operation, then the review sections of <see cref="ReviewLayout"/>,
/// each changed resource with a table of property paths and old → new values (secrets as <c>[secret]</c>).
/// </summary>
public static class DiffMarkdownRenderer
{
    /// <summary>Properties listed per resource in a size-limited comment; the full report lists all.</summary>
    public const int CommentPropertyCap = 100;

    /// <param name="limit">Maximum length (a PR comment); null renders everything.</param>
    /// <param name="fullReport">Where the complete report was written, named in the truncation note.</param>
    /// <param name="topology">The firewall before and after, drawn under <c>## Topology</c> when given (and when it fits a comment).</param>
    public static string Render(ReviewDiff diff, int? limit = null, string? fullReport = null, Topology.TopologyDiagram? topology = null)
    {
        var cap = limit is null ? int.MaxValue : CommentPropertyCap;
        var blocks = Blocks(diff, cap);
        var header = Header(diff) + TopologySection(topology, limit);
        const string footer = "";
        if (limit is null) return header + string.Concat(blocks) + footer;
        return CommentBudget.Fit(header, blocks, footer, limit.Value, (shown, total) =>
            $"> [!WARNING]\n> **Report truncated** to fit a pull-request comment ({CommentBudget.Count(limit.Value)} characters): " +
            $"{CommentBudget.Count(shown)} of {CommentBudget.Count(total)} entries shown, in review order. " +
            (fullReport is null
                ? "Run `enclave diff` with `--output FILE` for the full report."
                : $"The full report is in {Markdown.Code(fullReport)}.")).Text;
    }

    private static string Header(ReviewDiff diff)
    {
        var sb = new StringBuilder();
        sb.Append("## Enclave diff: ").Append(Markdown.Code(diff.Stack)).Append(" (").Append(Markdown.Text(diff.Project)).Append(")\n\n");
        sb.Append("Base ").Append(Markdown.Code(diff.Base)).Append(" → head ").Append(Markdown.Code(diff.Head)).Append("\n\n");
        sb.Append("| create | update | replace | delete | unchanged |\n|---:|---:|---:|---:|---:|\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"| {diff.Count(ChangeOp.Create)} | {diff.Count(ChangeOp.Update)} | {diff.Count(ChangeOp.Replace)} | {diff.Count(ChangeOp.Delete)} | {diff.Unchanged} |\n\n");
        sb.Append("**Policy:** ").Append(Markdown.Text(DiffWords.PolicyLine(diff))).Append("\n\n");
        foreach (var note in diff.Notes) sb.Append("> ").Append(Markdown.Text(note)).Append("\n\n");
        if (!diff.HasChanges) sb.Append("No resource changes.\n\n");
        return sb.ToString();
    }

    /// <summary>
    /// The Mermaid picture, first thing after the counts because that is what a reviewer looks at; left out of a
    /// size-limited comment when it would take more than a third of it (the full report keeps it).
    /// </summary>
    private static string TopologySection(Topology.TopologyDiagram? topology, int? limit)
    {
        if (topology is null) return "";
        var mermaid = Topology.MermaidRenderer.Render(topology);
        if (limit is { } l && mermaid.Length > l / 3)
            return "## Topology\n\n*The firewall diagram is too large for this comment; it is in the full report (`--output`).*\n\n";
        return "## Topology\n\nCompartments, networks and data stores with who may reach them (from `enclave access`): " +
               "green is new, red dashed is removed, amber is changed.\n\n```mermaid\n" + mermaid + "```\n\n";
    }

    private static List<string> Blocks(ReviewDiff diff, int cap)
    {
        var blocks = new List<string>();
        foreach (var section in ReviewLayout.Build(diff))
        {
            var groupSizes = section.Items.Where(i => i.Change is not null).GroupBy(i => (i.Change!.Op, i.Change.Type))
                .ToDictionary(g => g.Key, g => g.Count());
            var heading = $"### {DiffWords.Section(section.Kind)} ({section.Items.Length})\n\n";
            (ChangeOp, string)? group = null;
            foreach (var item in section.Items)
            {
                var sb = new StringBuilder();
                if (heading.Length > 0) { sb.Append(heading); heading = ""; }
                if (section.Kind == SectionKind.Other && item.Change is { } c && group != (c.Op, c.Type))
                {
                    group = (c.Op, c.Type);
                    var n = groupSizes[(c.Op, c.Type)];
                    sb.Append("#### ").Append(DiffWords.Name(c.Op)).Append(' ').Append(Markdown.Code(c.Type))
                        .Append(CultureInfo.InvariantCulture, $" ({n})\n\n");
                }
                AppendItem(sb, item, cap);
                blocks.Add(sb.ToString());
            }
        }
        return blocks;
    }

    private static void AppendItem(StringBuilder sb, ReviewItem item, int cap)
    {
        var change = item.Change;
        if (change is not null)
        {
            sb.Append("**").Append(Markdown.Code(DiffWords.Symbol(change.Op))).Append(' ').Append(DiffWords.Name(change.Op)).Append("** ")
                .Append(Markdown.Code(change.Type)).Append(" **").Append(Markdown.Text(change.Name)).Append("**");
            var flags = DiffWords.Flags(change).ToList();
            if (flags.Count > 0) sb.Append(" · ").Append(string.Join(" · ", flags.Select(f => $"**{f}**")));
            sb.Append('\n');
        }
        else
        {
            sb.Append("**unchanged** ").Append(Markdown.Code(Plan.PlanFacts.Label(item.Urn)))
                .Append(": its verdict follows from other changes\n");
        }
        foreach (var impact in item.Impacts)
        {
            var mark = impact.Kind switch { ImpactKind.NewlyFailing => "❌", ImpactKind.NowUndetermined => "❔", _ => "✅" };
            sb.Append("- ").Append(mark).Append(' ').Append(DiffWords.Impact(impact.Kind)).Append(' ').Append(Markdown.Code(impact.RuleId))
                .Append(" (").Append(DiffWords.Severity(impact.Severity)).Append(", ").Append(DiffWords.Enforcement(impact.Enforcement)).Append(") ")
                .Append(Markdown.Text(impact.Title));
            foreach (var m in impact.Messages) sb.Append(": ").Append(Markdown.Text(m));
            sb.Append('\n');
        }
        if (change is null) { sb.Append('\n'); return; }
        if (item.ShownAbove) { sb.Append("\n*(change listed above)*\n\n"); return; }
        sb.Append('\n');
        if (change.Note is not null) sb.Append('*').Append(Markdown.Text(change.Note)).Append("*\n\n");
        AppendProperties(sb, change, cap);
    }

    private static void AppendProperties(StringBuilder sb, ResourceChange change, int cap)
    {
        if (change.Properties.IsEmpty) return;
        var twoColumns = change.Op is ChangeOp.Create or ChangeOp.Delete;
        sb.Append(twoColumns ? "| Property | Value |\n|---|---|\n" : "| Property | Before | After |\n|---|---|---|\n");
        foreach (var p in change.Properties.Take(cap))
        {
            sb.Append("| ").Append(Markdown.Code(p.Path));
            if (p.ForcesReplacement) sb.Append(" *(forces replacement)*");
            if (!p.HasValues) sb.Append(" | ").Append(Markdown.Text(p.Note ?? DiffWords.NoValues)).Append(twoColumns ? " |\n" : " | |\n");
            else if (twoColumns) sb.Append(" | ").Append(Markdown.Code(ValueText.Format(p.After ?? p.Before))).Append(" |\n");
            else sb.Append(" | ").Append(Markdown.Code(ValueText.Format(p.Before))).Append(" | ").Append(Markdown.Code(ValueText.Format(p.After))).Append(" |\n");
        }
        if (change.Properties.Length > cap)
            sb.Append(CultureInfo.InvariantCulture, $"| … {change.Properties.Length - cap} more properties (see the full report) | |{(twoColumns ? "" : " |")}\n");
        sb.Append('\n');
    }
}
