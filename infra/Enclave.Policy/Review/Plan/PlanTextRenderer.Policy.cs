using System.Globalization;
using Enclave.Escaping;
using Enclave.Policy.Review.Render;

namespace Enclave.Policy.Review.Plan;

// The policy verdict closing a text plan: the gate's answer first, then every violation with its rule id, then what
// stays undetermined until deploy.
public static partial class PlanTextRenderer
{
    internal static void AppendPolicy(TextLayout t, PolicySummary policy)
    {
        var violations = policy.Violations.ToList();
        var mandatory = violations.Count(v => v.Enforcement == Rules.Enforcement.Mandatory);
        var verdict = policy.Passes ? t.Paint("PASS", TextLayout.Green) : t.Paint("FAIL", TextLayout.Red);
        t.Line(string.Create(CultureInfo.InvariantCulture,
            $"Policy verdict: {verdict} ({mandatory} mandatory, {violations.Count - mandatory} advisory violations)"));
        t.Wrap("    ", "    ", "Violations by severity: " +
            string.Join(", ", policy.ViolationCounts.Select(c => $"{PlanJsonWriter.SeverityName(c.Severity)} {c.Count}")));
        t.Line(string.Create(CultureInfo.InvariantCulture,
            $"    Checks passed {policy.Passed}, undetermined {policy.Undetermined}, waived {policy.SuppressedCount}"));
        foreach (var f in policy.ViolationsBySeverity)
        {
            t.Line();
            var severity = PlanJsonWriter.SeverityName(f.Severity).ToUpperInvariant();
            t.Wrap("    ", "        ", $"{severity} {SafeText.Escape(f.RuleId)} {SafeText.Escape(f.Title)}" +
                (f.Enforcement == Rules.Enforcement.Advisory ? " (advisory)" : ""), colorOfFirstWord: TextLayout.Red);
            t.Wrap("        ", "        ", PlanFacts.Label(f.Urn));
            t.Wrap("        ", "        ", SafeText.Escape(f.Message));
        }
        var undetermined = policy.Findings.Where(f => f.Verdict == Rules.Verdict.Undetermined && !f.Suppressed).ToList();
        if (undetermined.Count == 0) return;
        t.Line();
        t.Line("    Undetermined until deploy (a value is unknown or secret):");
        foreach (var f in undetermined)
            t.Wrap("        ", "            ", $"{SafeText.Escape(f.RuleId)} {PlanFacts.Label(f.Urn)}: {SafeText.Escape(f.Message)}");
    }
}
