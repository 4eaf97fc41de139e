using System.Globalization;
using System.Text;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Render;
using Enclave.Policy.Review.Topology;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Plan;

/// <summary>
/// The plan for a pull request: the verdict first, Pulumi's resource counts, the component tree as nested lists with
/// each resource's operation and key inputs (references as <c>network-data.id</c>), the firewall as a Mermaid
/// diagram under <c>## Topology</c> (linked from the top), then every finding.
/// </summary>
public static class PlanMarkdownRenderer
{
    public static string Render(PlanDocument plan) => Render(PlanView.Build(plan));

    public static string Render(PlanView view, TopologyDiagram? topology = null)
    {
        var plan = view.Plan;
        var sb = new StringBuilder();
        var policy = plan.Policy;
        var violations = policy.Violations.Count();
        sb.Append("## Enclave plan: ").Append(Markdown.Code(plan.Stack)).Append(" (").Append(Markdown.Text(plan.Project)).Append(")\n\n");
        if (view.Against is { } against) sb.Append("Against ").Append(Markdown.Code(against.Base)).Append(".\n\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"**Policy: {(policy.Passes ? "✅ pass" : "❌ fail")}**: {violations} violations, {policy.Passed} checks passed, {policy.Undetermined} undetermined, {policy.SuppressedCount} waived.\n\n");
        sb.Append("**Resources:** ").Append(Counts(view));
        if (topology is not null) sb.Append(" · [firewall diagram](#topology)");
        sb.Append("\n\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"Values the cloud assigns show as *{ValueText.UnknownMarker}*, secrets as `{ValueText.SecretMarker}`, another resource's id as `NAME.id`.\n\n");

        sb.Append("### Resources\n\n");
        if (view.Steps.IsEmpty) sb.Append("No resource changes.\n");
        foreach (var step in view.Steps) AppendStep(sb, step, view.Style);

        if (topology is not null)
        {
            sb.Append("\n## Topology\n\n");
            sb.Append(topology.Compared
                ? "Compartments, networks and data stores, with who may reach them (from `enclave access`); green is new, red dashed is removed, amber changed.\n\n"
                : "Compartments, networks and data stores, with who may reach them (from `enclave access`); dotted access holds only under its conditions.\n\n");
            sb.Append("```mermaid\n").Append(MermaidRenderer.Render(topology)).Append("```\n");
        }

        sb.Append("\n### Policy\n\n");
        AppendPolicy(sb, policy);
        return sb.ToString();
    }

    /// <summary>Pulumi's counts on one line: <c>+ 155 to create</c>, and changes and unchanged against a base.</summary>
    private static string Counts(PlanView view)
    {
        var parts = new List<string>();
        var changes = 0;
        foreach (var op in new[] { ChangeOp.Create, ChangeOp.Update, ChangeOp.Replace, ChangeOp.Delete })
        {
            var n = view.Count(op);
            if (n == 0) continue;
            changes += n;
            parts.Add($"`{DiffWords.Symbol(op)}` {n.ToString(CultureInfo.InvariantCulture)} to {DiffWords.Name(op)}");
        }
        if (view.Unchanged > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{changes} changes, {view.Unchanged} unchanged"));
        return parts.Count == 0 ? "no changes" : string.Join(" · ", parts);
    }

    private static void AppendStep(StringBuilder sb, PlanStep step, ReferenceStyle style)
    {
        var indent = new string(' ', 2 * step.Depth);
        var op = step.Op is { } o ? $"`{DiffWords.Symbol(o)}` " : "";
        sb.Append(indent).Append("- ").Append(op).Append(Markdown.Code(step.Node.Type)).Append(" **").Append(Markdown.Text(step.Node.Name)).Append("**");
        foreach (var flag in step.Flags) sb.Append(" *(").Append(Markdown.Text(flag)).Append(")*");
        var props = step.Properties.Select(p => (p, Text: Value(p, style))).ToList();
        var inline = props.Where(x => x.Text.Length <= 100 && x.p.Before is null).ToList();
        if (step.Op == ChangeOp.Create && inline.Count > 0)
            sb.Append(": ").Append(string.Join(", ", inline.Select(x => $"{Markdown.Code(x.p.Path)} = {Markdown.Code(x.Text)}")));
        sb.Append('\n');
        foreach (var (p, text) in props.Where(x => step.Op != ChangeOp.Create || !inline.Contains(x)))
        {
            if (step.Op == ChangeOp.Create && p.After is ListValue list)
            {
                sb.Append(indent).Append("  - ").Append(Markdown.Code(p.Path)).Append(":\n");
                foreach (var item in list.Items)
                    sb.Append(indent).Append("    - ").Append(Markdown.Code(ValueText.Format(item, PlanTextRenderer.ListItemLength, style))).Append('\n');
                continue;
            }
            var mark = !p.HasValues || (p.Before is not null && p.After is not null) ? "~" : p.Before is null ? "+" : "-";
            sb.Append(indent).Append("  - `").Append(mark).Append("` ").Append(Markdown.Code(p.Path)).Append(": ").Append(Markdown.Code(text));
            if (p.ForcesReplacement) sb.Append(" *(forces replacement)*");
            sb.Append('\n');
        }
    }

    private static string Value(PropertyChange p, ReferenceStyle style) =>
        !p.HasValues ? p.Note ?? DiffWords.NoValues
        : p.Before is not null && p.After is not null
            ? $"{ValueText.Format(p.Before, PlanTextRenderer.ListItemLength, style)} → {ValueText.Format(p.After, PlanTextRenderer.ListItemLength, style)}"
            : ValueText.Format(p.After ?? p.Before, PlanTextRenderer.ListItemLength, style);

    internal static void AppendPolicy(StringBuilder sb, PolicySummary policy)
    {
        sb.Append("| Severity | Violations |\n|---|---:|\n");
        foreach (var (severity, count) in policy.ViolationCounts)
            sb.Append(CultureInfo.InvariantCulture, $"| {PlanJsonWriter.SeverityName(severity)} | {count} |\n");
        var rows = policy.ViolationsBySeverity.Concat(policy.Findings.Where(f => !f.IsViolation && f.Verdict != Rules.Verdict.Pass))
            .ToList();
        if (rows.Count == 0) { sb.Append("\nNo violations.\n"); return; }
        sb.Append("\n| Rule | Severity | Verdict | Resource | Finding |\n|---|---|---|---|---|\n");
        foreach (var f in rows)
        {
            var verdict = f.Suppressed ? "waived" : PlanJsonWriter.VerdictName(f.Verdict) + (f.Enforcement == Rules.Enforcement.Advisory ? " (advisory)" : "");
            sb.Append("| ").Append(Markdown.Code(f.RuleId)).Append(" | ").Append(PlanJsonWriter.SeverityName(f.Severity))
                .Append(" | ").Append(verdict).Append(" | ").Append(Markdown.Code(PlanFacts.Label(f.Urn)))
                .Append(" | ").Append(Markdown.Text(f.Message)).Append(" |\n");
        }
    }
}
