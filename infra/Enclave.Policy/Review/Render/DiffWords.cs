using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Plan;

namespace Enclave.Policy.Review.Render;

/// <summary>The words and symbols every diff rendering uses for operations, sections and impacts.</summary>
public static class DiffWords
{
    /// <summary>Shown for a property named as changed by a source that gave no values.</summary>
    public const string NoValues = "(changed; values not in the input)";

    /// <summary>Pulumi's <c>--diff</c> prefixes, familiar to reviewers.</summary>
    public static string Symbol(ChangeOp op) => op switch
    {
        ChangeOp.Create => "+",
        ChangeOp.Update => "~",
        ChangeOp.Replace => "+-",
        _ => "-",
    };

    public static string Name(ChangeOp op) => op.ToString().ToLowerInvariant();

    public static string Section(SectionKind kind) => kind switch
    {
        SectionKind.Destructive => "Deletes and replacements of protected or data-bearing resources",
        SectionKind.RuleImpact => "Changes that newly violate or newly satisfy a rule",
        _ => "Other changes",
    };

    public static string SectionId(SectionKind kind) => kind switch
    {
        SectionKind.Destructive => "destructive",
        SectionKind.RuleImpact => "rule-impact",
        _ => "other",
    };

    public static string Impact(ImpactKind kind) => kind switch
    {
        ImpactKind.NewlyFailing => "newly failing",
        ImpactKind.NowUndetermined => "now undetermined",
        _ => "newly passing",
    };

    public static string ImpactId(ImpactKind kind) => kind switch
    {
        ImpactKind.NewlyFailing => "newly-failing",
        ImpactKind.NowUndetermined => "now-undetermined",
        _ => "newly-passing",
    };

    public static string Severity(Rules.Severity s) => PlanJsonWriter.SeverityName(s);

    public static string Enforcement(Rules.Enforcement e) => e == Rules.Enforcement.Mandatory ? "mandatory" : "advisory";

    public static IEnumerable<string> Flags(ResourceChange c)
    {
        if (c.Protected) yield return "protected";
        if (c.DataBearing) yield return "data-bearing";
    }

    /// <summary>One line of rule ids per impact kind, for the summary at the top.</summary>
    public static string PolicyLine(ReviewDiff diff)
    {
        if (!diff.PolicyCompared) return "rule impact not computed (no policy verdict for one side)";
        if (diff.Impacts.IsEmpty) return "no rule changes its verdict";
        return string.Join("; ", Enum.GetValues<ImpactKind>()
            .Where(k => diff.Count(k) > 0)
            .Select(k => $"{diff.Count(k)} {Impact(k)} ({string.Join(", ", diff.Impacts.Where(i => i.Kind == k).Select(i => i.RuleId).Distinct())})"));
    }
}
