using System.Globalization;
using System.Text;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Values;
using Enclave.Escaping;

namespace Enclave.Policy.Review.Render;

/// <summary>
/// The diff for a terminal, in the same review order as the Markdown comment. Every name, path, value and message
/// from the inputs goes through the shared escaper (<see cref="SafeText"/>), so none can colour the terminal or
/// start a line of its own.
/// </summary>
public static class DiffTextRenderer
{
    public static string Render(ReviewDiff diff, int? limit = null, string? fullReport = null)
    {
        var cap = limit is null ? int.MaxValue : DiffMarkdownRenderer.CommentPropertyCap;
        var header = Header(diff);
        var blocks = Blocks(diff, cap);
        if (limit is null) return header + string.Concat(blocks);
        return CommentBudget.Fit(header, blocks, "", limit.Value, (shown, total) =>
            $"!! Report truncated to {CommentBudget.Count(limit.Value)} characters: {CommentBudget.Count(shown)} of {CommentBudget.Count(total)} entries shown, in review order. " +
            (fullReport is null ? "Run `enclave diff` with --output FILE for the full report." : $"The full report is in {SafeText.Escape(fullReport)}.")).Text;
    }

    private static string Header(ReviewDiff diff)
    {
        var sb = new StringBuilder();
        sb.Append("Enclave diff: stack ").AppendEscaped(diff.Stack).Append(" (project ").AppendEscaped(diff.Project).Append(")\n");
        sb.Append("Base ").AppendEscaped(diff.Base).Append(" -> head ").AppendEscaped(diff.Head).Append('\n');
        sb.Append(CultureInfo.InvariantCulture,
            $"Resources: {diff.Count(ChangeOp.Create)} to create, {diff.Count(ChangeOp.Update)} to update, {diff.Count(ChangeOp.Replace)} to replace, {diff.Count(ChangeOp.Delete)} to delete, {diff.Unchanged} unchanged\n");
        sb.Append("Policy: ").Append(DiffWords.PolicyLine(diff)).Append('\n');
        foreach (var note in diff.Notes) sb.Append("Note: ").AppendEscaped(note).Append('\n');
        if (!diff.HasChanges) sb.Append("No resource changes.\n");
        sb.Append('\n');
        return sb.ToString();
    }

    private static List<string> Blocks(ReviewDiff diff, int cap)
    {
        var blocks = new List<string>();
        foreach (var section in ReviewLayout.Build(diff))
        {
            var heading = $"== {DiffWords.Section(section.Kind)} ({section.Items.Length})\n\n";
            (ChangeOp, string)? group = null;
            foreach (var item in section.Items)
            {
                var sb = new StringBuilder();
                if (heading.Length > 0) { sb.Append(heading); heading = ""; }
                if (section.Kind == SectionKind.Other && item.Change is { } c && group != (c.Op, c.Type))
                {
                    group = (c.Op, c.Type);
                    sb.Append("-- ").Append(DiffWords.Name(c.Op)).Append(' ').AppendEscaped(c.Type).Append('\n');
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
            sb.Append(DiffWords.Symbol(change.Op).PadRight(3)).AppendEscaped(change.Type).Append("  ").AppendEscaped(change.Name)
                .Append(" (").Append(DiffWords.Name(change.Op)).Append(')');
            foreach (var f in DiffWords.Flags(change)) sb.Append(" [").Append(f).Append(']');
            sb.Append('\n');
        }
        else
        {
            sb.Append("   ").Append(Plan.PlanFacts.Label(item.Urn)).Append(" (unchanged: its verdict follows from other changes)\n");
        }
        foreach (var impact in item.Impacts)
        {
            sb.Append("     rule ").Append(impact.RuleId).Append(' ').Append(DiffWords.Impact(impact.Kind))
                .Append(" (").Append(DiffWords.Severity(impact.Severity)).Append(", ").Append(DiffWords.Enforcement(impact.Enforcement)).Append("): ")
                .AppendEscaped(impact.Title);
            foreach (var m in impact.Messages) sb.Append(": ").AppendEscaped(m);
            sb.Append('\n');
        }
        if (change is not null && item.ShownAbove) sb.Append("     (change listed above)\n");
        else if (change is not null)
        {
            if (change.Note is not null) sb.Append("     ").AppendEscaped(change.Note).Append('\n');
            foreach (var p in change.Properties.Take(cap))
            {
                sb.Append("     ");
                if (!p.HasValues) sb.Append("~ ").AppendEscaped(p.Path).Append(": ").Append(p.Note ?? DiffWords.NoValues);
                else if (p.Before is null) sb.Append("+ ").AppendEscaped(p.Path).Append(": ").Append(ValueText.Format(p.After));
                else if (p.After is null) sb.Append("- ").AppendEscaped(p.Path).Append(": ").Append(ValueText.Format(p.Before));
                else sb.Append("~ ").AppendEscaped(p.Path).Append(": ").Append(ValueText.Format(p.Before)).Append(" => ").Append(ValueText.Format(p.After));
                if (p.ForcesReplacement) sb.Append("  (forces replacement)");
                sb.Append('\n');
            }
            if (change.Properties.Length > cap)
                sb.Append(CultureInfo.InvariantCulture, $"     … {change.Properties.Length - cap} more properties (see the full report)\n");
        }
        sb.Append('\n');
    }
}
