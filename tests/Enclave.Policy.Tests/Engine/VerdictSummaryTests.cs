using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Tests.Support;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Engine;

/// <summary>
/// Issue 12.8: a diff's (and a plan's) verdict counts the plain passes while the rules run instead of keeping them in
/// a whole report first. What it says must be exactly what the whole report says: the same findings that are not
/// plain passes (failures, undetermined, waived), in the same order with the same texts, and the same pass count.
/// </summary>
public class VerdictSummaryTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static ResourceGraph Broken()
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.InternetGateway, "igw", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        g.With("flow-data", "retentionDuration", 30);
        return g.Build();
    }

    private static void AssertSame(PolicySummary expected, PolicySummary actual)
    {
        Assert.Equal(expected.Passed, actual.Passed);
        Assert.Equal(
            expected.Findings.Select(f => (f.RuleId, f.Urn, f.Verdict, f.Suppressed, f.Severity, f.Enforcement, f.Title, f.Message)),
            actual.Findings.Select(f => (f.RuleId, f.Urn, f.Verdict, f.Suppressed, f.Severity, f.Enforcement, f.Title, f.Message)));
    }

    [Theory]
    [InlineData(UndeterminedMode.Block)]
    [InlineData(UndeterminedMode.Warn)]
    public void The_summary_is_the_whole_reports_without_its_plain_passes(UndeterminedMode mode)
    {
        var graph = Broken();
        var policy = CompliantEnclave.Policy with { LogRetentionDays = null };
        var whole = PolicyVerdicts.FromReport(PolicyEvaluator.Evaluate(graph, policy, today: Today, undetermined: mode));
        var summary = PolicyVerdicts.Evaluate(graph, policy, today: Today, undetermined: mode);
        Assert.True(summary.Passed > 100);
        Assert.Contains(summary.Findings, f => f.IsViolation);
        AssertSame(whole, summary);
    }

    [Fact]
    public void Waived_findings_are_kept_and_counted_as_the_whole_report_does()
    {
        var graph = Broken();
        var policy = CompliantEnclave.Policy with { LogRetentionDays = null };
        var failing = PolicyEvaluator.Evaluate(graph, policy, today: Today).Findings
            .First(f => f.Status == FindingStatus.Fail && WaiverPolicy.IsWaivable(f.Rule));
        var waivers = WaiverLoader.Parse($"- {{ rule: {failing.RuleId}, urn: '{failing.Urn}', reason: r, expires: 2026-06-30 }}\n",
            "waivers.yaml", new WaiverLimits(Today));
        var whole = PolicyVerdicts.FromReport(PolicyEvaluator.Evaluate(graph, policy, waivers, Today));
        var summary = PolicyVerdicts.Evaluate(graph, policy, waivers, today: Today);
        Assert.Contains(summary.Findings, f => f.Suppressed && f.RuleId == failing.RuleId && f.Urn == failing.Urn);
        AssertSame(whole, summary);
    }

    [Fact]
    public void A_large_set_of_failing_policies_gives_the_same_summary()
    {
        // Thousands of findings of several rules about the same resources: the order (rule, URN, message) must hold
        // for the subset exactly as for the whole report.
        var graph = Enclave.Policy.Loaders.ArtifactLoader.Parse(FindingBudgetTests.Policies(500, FindingBudgetTests.AnyUser), "export.json").Graph;
        var whole = PolicyVerdicts.FromReport(PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, today: Today));
        var summary = PolicyVerdicts.Evaluate(graph, CompliantEnclave.Policy, today: Today);
        Assert.True(summary.Findings.Length > 2_000);
        AssertSame(whole, summary);
    }
}
