using System.Collections.Immutable;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Review.Plan;

/// <summary>
/// One rule's judgement of one resource, as a review document keeps it: the rule's catalogue entry flattened in,
/// so a plan or diff read back from disk can be rendered without the catalogue that produced it.
/// </summary>
public sealed record PolicyFinding(
    string RuleId,
    string Title,
    Severity Severity,
    Enforcement Enforcement,
    string Urn,
    Verdict Verdict,
    string Message,
    bool Suppressed = false)
{
    // The message as the rule made it, in parts (FindingText): a diff keeps every failing finding of both sides, and
    // joining each message into its own string took 2.6 KB a finding — 760 MB for two 7 MB states of 20,000 failing
    // policies. Made whole on each read of Message (renderers read it once).
    private readonly FindingText _text = FindingText.Uncapped(Message);

    private PolicyFinding(RuleInfo rule, string urn, Verdict verdict, FindingText text, bool suppressed)
        : this(rule.Id, rule.Title, rule.Severity, rule.Enforcement, urn, verdict, "", suppressed) => _text = text;

    /// <summary>The rule's message about the resource.</summary>
    public string Message { get => _text.ToString(); init => _text = FindingText.Uncapped(value); }

    /// <summary>A violation the gate counts: failed and not waived.</summary>
    public bool IsViolation => Verdict == Verdict.Fail && !Suppressed;

    public static PolicyFinding From(RuleInfo rule, Finding finding, bool suppressed = false) =>
        new(rule, finding.Urn, finding.Verdict, finding.Text, suppressed);

    /// <summary>Stable order of every document: rule id, resource, then message.</summary>
    public static readonly IComparer<PolicyFinding> Order = Comparer<PolicyFinding>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.RuleId, b.RuleId);
        if (c == 0) c = string.CompareOrdinal(a.Urn, b.Urn);
        if (c == 0) c = a.Verdict.CompareTo(b.Verdict);
        if (c == 0) c = a.Suppressed.CompareTo(b.Suppressed);
        if (c == 0) c = FindingText.CompareOrdinal(a._text, b._text);
        return c;
    });
}

/// <summary>
/// The policy verdict on one stack: every finding that is not a plain pass (violations, undetermined, waived),
/// and how many checks passed. Passing findings are counted rather than listed so that a committed plan stays
/// readable and its diffs show only what matters.
/// </summary>
public sealed record PolicySummary(ImmutableArray<PolicyFinding> Findings, int Passed)
{
    public static readonly PolicySummary Empty = new([], 0);

    /// <summary>Builds the summary from every finding of an evaluation (passes included).</summary>
    public static PolicySummary From(IEnumerable<PolicyFinding> all)
    {
        var passed = 0;
        var kept = new List<PolicyFinding>();
        foreach (var f in all)
        {
            if (f.Verdict == Verdict.Pass && !f.Suppressed) passed++;
            else kept.Add(f);
        }
        return From(kept, passed);
    }

    /// <summary>The summary of findings that are not plain passes (sorted here) and a count of the passes.</summary>
    internal static PolicySummary From(List<PolicyFinding> kept, int passed)
    {
        // An engine report is already in rule, URN, message order, so this order mostly holds already: one pass
        // checks it, where a sort compared ~17 pairs of long URNs per finding (100k findings per side of a large
        // diff). Findings that compare equal are equal records, so skipping an unstable sort changes nothing.
        if (!InOrder(kept)) kept.Sort(PolicyFinding.Order);
        return new PolicySummary(kept.ToImmutableArray(), passed);
    }

    private static bool InOrder(List<PolicyFinding> findings)
    {
        for (var i = 1; i < findings.Count; i++)
            if (PolicyFinding.Order.Compare(findings[i - 1], findings[i]) > 0) return false;
        return true;
    }

    public IEnumerable<PolicyFinding> Violations => Findings.Where(f => f.IsViolation);

    /// <summary>Violations by severity, every severity present (zero counts too), most severe first.</summary>
    public IReadOnlyList<(Severity Severity, int Count)> ViolationCounts =>
        Enum.GetValues<Severity>().Reverse().Select(s => (s, Violations.Count(f => f.Severity == s))).ToList();

    public int Undetermined => Findings.Count(f => f.Verdict == Verdict.Undetermined && !f.Suppressed);

    public int SuppressedCount => Findings.Count(f => f.Suppressed);

    /// <summary>The gate's verdict: no mandatory rule violated.</summary>
    public bool Passes => !Violations.Any(f => f.Enforcement == Enforcement.Mandatory);

    /// <summary>Violations for display: most severe first, then rule id and resource.</summary>
    public IEnumerable<PolicyFinding> ViolationsBySeverity =>
        Violations.OrderByDescending(f => f.Severity).ThenBy(f => f, PolicyFinding.Order);
}

/// <summary>Bridges the policy engine's report to the review documents.</summary>
public static class PolicyVerdicts
{
    /// <summary>Runs the rule catalogue (or <paramref name="rules"/>) on a graph and summarises the report.</summary>
    public static PolicySummary Evaluate(Graph.ResourceGraph graph, PolicyContext context, Waivers.WaiverSet? waivers = null,
        IReadOnlyList<IRule>? rules = null, DateOnly? today = null, Engine.UndeterminedMode undetermined = Engine.UndeterminedMode.Block)
    {
        // The plain passes are only counted while the rules run (the summary drops them): the same summary as
        // FromReport of the whole report, without keeping a large state's ~760k passes to the end of the run.
        var (notPassed, passed) = Engine.PolicyEvaluator.EvaluateNotPassed(graph, context, waivers, today, rules, undetermined);
        var kept = new List<PolicyFinding>(notPassed.Length);
        foreach (var f in notPassed) kept.Add(PolicyFinding.From(f.Rule, f.Finding, f.Status == Engine.FindingStatus.Suppressed));
        return PolicySummary.From(kept, passed);
    }

    /// <summary>
    /// As <see cref="PolicySummary.From"/> over every finding of the report, but a plain pass is only counted: making a
    /// <see cref="PolicyFinding"/> joins its message, and a large state has hundreds of thousands of passes that the
    /// summary drops anyway.
    /// </summary>
    public static PolicySummary FromReport(Engine.PolicyReport report)
    {
        var passed = 0;
        var kept = new List<PolicyFinding>();
        foreach (var f in report.Findings)
        {
            var suppressed = f.Status == Engine.FindingStatus.Suppressed;
            if (f.Finding.Verdict == Verdict.Pass && !suppressed) passed++;
            else kept.Add(PolicyFinding.From(f.Rule, f.Finding, suppressed));
        }
        return PolicySummary.From(kept, passed);
    }
}
