using System.Globalization;
using System.Text;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Values;
using Enclave.Escaping;

namespace Enclave.Policy.Review.Plan;

/// <summary>
/// The terminal view of a plan: the component tree with each resource's type, name and key inputs, then the
/// policy verdict (violations by severity and every violation with its rule id). Names, keys and messages from
/// the plan go through the shared escaper (<see cref="SafeText"/>).
/// </summary>
public static class PlanTextRenderer
{
    /// <summary>Lists longer than this print one item per line.</summary>
    private const int InlineListLimit = 100;

    /// <summary>A list item on its own line (a policy statement) is shown whole up to this length.</summary>
    internal const int ListItemLength = 2000;

    public static string Render(PlanDocument plan)
    {
        var sb = new StringBuilder();
        var components = plan.Resources.Count(r => !r.Custom);
        sb.Append(CultureInfo.InvariantCulture,
            $"Plan for stack {SafeText.Escape(plan.Stack)} (project {SafeText.Escape(plan.Project)}): {plan.Resources.Length} resources, {components} of them components or the stack\n");
        sb.Append($"Values decided at deploy time show as {ValueText.UnknownMarker}; secrets as {ValueText.SecretMarker}.\n\n");

        var usualRegion = PlanFacts.UsualRegion(plan.Resources);
        var tree = new PlanTree(plan.Resources);
        foreach (var (node, last) in tree.Walk())
        {
            var prefix = new StringBuilder();
            // Roots carry no branch, so the first level adds no indentation.
            for (var i = 1; i < last.Count - 1; i++) prefix.Append(last[i] ? "    " : "│   ");
            var branch = last.Count == 1 ? "" : last[^1] ? "└── " : "├── ";
            sb.Append(prefix).Append(branch).AppendEscaped(node.Type).Append("  ").AppendEscaped(node.Name);
            foreach (var flag in PlanFacts.Flags(node, usualRegion)) sb.Append("  [").Append(flag).Append(']');
            sb.Append('\n');

            var hasChildren = tree.ChildrenOf(node).Count > 0;
            var detail = prefix + (last.Count == 1 ? "" : last[^1] ? "    " : "│   ") + (hasChildren ? "│     " : "      ");
            foreach (var (key, value) in KeyInputs.Of(node)) AppendInput(sb, detail, key, value);
        }

        sb.Append('\n');
        AppendPolicy(sb, plan.Policy);
        return sb.ToString();
    }

    private static void AppendInput(StringBuilder sb, string indent, string key, PropertyValue value)
    {
        var text = ValueText.Format(value);
        if (value is ListValue list && text.Length > InlineListLimit)
        {
            sb.Append(indent).AppendEscaped(key).Append(':').Append('\n');
            foreach (var item in list.Items) sb.Append(indent).Append("  - ").Append(ValueText.Format(item, ListItemLength)).Append('\n');
            return;
        }
        sb.Append(indent).AppendEscaped(key).Append(": ").Append(text).Append('\n');
    }

    internal static void AppendPolicy(StringBuilder sb, PolicySummary policy)
    {
        var violations = policy.Violations.ToList();
        var mandatory = violations.Count(v => v.Enforcement == Rules.Enforcement.Mandatory);
        sb.Append("Policy verdict: ").Append(policy.Passes ? "PASS" : "FAIL");
        sb.Append(CultureInfo.InvariantCulture, $" ({mandatory} mandatory, {violations.Count - mandatory} advisory violations)\n");
        sb.Append("  Violations by severity: ")
            .Append(string.Join(", ", policy.ViolationCounts.Select(c => $"{PlanJsonWriter.SeverityName(c.Severity)} {c.Count}")))
            .Append('\n');
        sb.Append(CultureInfo.InvariantCulture,
            $"  Checks passed {policy.Passed}, undetermined {policy.Undetermined}, waived {policy.SuppressedCount}\n");
        foreach (var f in policy.ViolationsBySeverity)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"\n  {PlanJsonWriter.SeverityName(f.Severity).ToUpperInvariant()} {SafeText.Escape(f.RuleId)} {SafeText.Escape(f.Title)}{(f.Enforcement == Rules.Enforcement.Advisory ? " (advisory)" : "")}\n");
            sb.Append("      ").Append(PlanFacts.Label(f.Urn)).Append('\n');
            sb.Append("      ").AppendEscaped(f.Message).Append('\n');
        }
        var undetermined = policy.Findings.Where(f => f.Verdict == Rules.Verdict.Undetermined && !f.Suppressed).ToList();
        if (undetermined.Count > 0)
        {
            sb.Append("\n  Undetermined until deploy (a value is unknown or secret):\n");
            foreach (var f in undetermined)
                sb.Append("    ").AppendEscaped(f.RuleId).Append("  ").Append(PlanFacts.Label(f.Urn)).Append(": ").AppendEscaped(f.Message).Append('\n');
        }
    }
}
