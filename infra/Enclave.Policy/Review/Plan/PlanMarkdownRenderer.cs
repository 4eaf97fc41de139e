using System.Globalization;
using System.Text;
using Enclave.Policy.Review.Render;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Plan;

/// <summary>The plan for a pull request: the verdict first, the component tree as nested lists, then every finding.</summary>
public static class PlanMarkdownRenderer
{
    public static string Render(PlanDocument plan)
    {
        var sb = new StringBuilder();
        var policy = plan.Policy;
        var violations = policy.Violations.Count();
        sb.Append("## Enclave plan: ").Append(Markdown.Code(plan.Stack)).Append(" (").Append(Markdown.Text(plan.Project)).Append(")\n\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"**Policy: {(policy.Passes ? "✅ pass" : "❌ fail")}**: {violations} violations, {policy.Passed} checks passed, {policy.Undetermined} undetermined, {policy.SuppressedCount} waived.\n\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"{plan.Resources.Length} resources. Values decided at deploy time show as *{ValueText.UnknownMarker}*, secrets as `{ValueText.SecretMarker}`.\n\n");

        sb.Append("### Resources\n\n");
        var usualRegion = PlanFacts.UsualRegion(plan.Resources);
        foreach (var (node, last) in new PlanTree(plan.Resources).Walk())
        {
            var indent = new string(' ', 2 * (last.Count - 1));
            sb.Append(indent).Append("- ").Append(Markdown.Code(node.Type)).Append(" **").Append(Markdown.Text(node.Name)).Append("**");
            foreach (var flag in PlanFacts.Flags(node, usualRegion)) sb.Append(" *(").Append(Markdown.Text(flag)).Append(")*");
            // Short inputs inline; long lists (policy statements, rules) one item per nested line.
            var inputs = KeyInputs.Of(node).Select(i => (i.Key, i.Value, Text: ValueText.Format(i.Value))).ToList();
            var inline = inputs.Where(i => !IsLongList(i.Value, i.Text)).ToList();
            if (inline.Count > 0)
                sb.Append(": ").Append(string.Join(", ", inline.Select(i => $"{Markdown.Code(i.Key)} = {Markdown.Code(i.Text)}")));
            sb.Append('\n');
            foreach (var (key, value, _) in inputs.Where(i => IsLongList(i.Value, i.Text)))
            {
                sb.Append(indent).Append("  - ").Append(Markdown.Code(key)).Append(":\n");
                foreach (var item in value.AsList())
                    sb.Append(indent).Append("    - ").Append(Markdown.Code(ValueText.Format(item, PlanTextRenderer.ListItemLength))).Append('\n');
            }
        }

        sb.Append("\n### Policy\n\n");
        AppendPolicy(sb, policy);
        return sb.ToString();
    }

    private static bool IsLongList(Policy.Graph.PropertyValue value, string text) => value is Policy.Graph.ListValue && text.Length > 100;

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
