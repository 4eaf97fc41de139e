using Enclave.Policy.Engine;
using Enclave.Policy.Rules;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Every rule fails on a broken enclave and is undetermined on an unknown value, on hand-written graphs (ids known
/// and unknown) and on Pulumi JSON fixtures (stack export and preview) built from the same scenario.
/// </summary>
public class RuleCaseTests
{
    public static TheoryData<RuleCase, GraphPath> FailingCases() => Cross(RuleCases.Failing);
    public static TheoryData<RuleCase, GraphPath> UndeterminedCases() => Cross(RuleCases.Undetermined);

    [Theory]
    [MemberData(nameof(FailingCases))]
    public void Rule_fails_on_the_broken_resource(RuleCase c, GraphPath path) => AssertFinding(c, path, FindingStatus.Fail);

    [Theory]
    [MemberData(nameof(UndeterminedCases))]
    public void Rule_is_undetermined_on_an_unknown_value(RuleCase c, GraphPath path) => AssertFinding(c, path, FindingStatus.Undetermined);

    [Fact]
    public void Every_rule_has_a_failing_case()
    {
        var covered = RuleCases.Failing.Select(c => c.RuleId).ToHashSet();
        var missing = RuleCatalogue.All.Select(r => r.Info.Id).Where(id => !covered.Contains(id) && !id.StartsWith("ENC-GOV-9", StringComparison.Ordinal) && !TestedElsewhere(id)).ToList();
        Assert.True(missing.Count == 0, "rules without a failing case: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_rule_that_reads_values_has_an_undetermined_case()
    {
        var covered = RuleCases.Undetermined.Select(c => c.RuleId).ToHashSet();
        var missing = RuleCatalogue.All.Select(r => r.Info.Id)
            .Where(id => !covered.Contains(id) && !RuleCases.NeverUndetermined.Contains(id) && !TestedElsewhere(id)).ToList();
        Assert.True(missing.Count == 0, "rules without an undetermined case: " + string.Join(", ", missing));
    }

    /// <summary>
    /// The reachability rules (Rules/Reachability) are tested by their owner; ENC-GOV-031 judges what a state holds
    /// outside the graph, which a graph cannot say (StateIntegrityTests); ENC-GOV-070 judges a preview's delete and
    /// replace steps, which a graph cannot hold either (DataStoresNotRemovedTests); ENC-GOV-093 compares a preview's
    /// update steps with their old state (KnownSettingsStayKnownTests).
    /// </summary>
    private static bool TestedElsewhere(string id) => id.StartsWith("ENC-NET-1", StringComparison.Ordinal) || id is "ENC-GOV-031" or "ENC-GOV-070" or "ENC-GOV-093";

    private static void AssertFinding(RuleCase c, GraphPath path, FindingStatus expected)
    {
        var g = CompliantEnclave.Build();
        c.Mutate(g);
        var report = RuleRunner.Run(g, path, c.RuleId, c.Policy?.Invoke(CompliantEnclave.Policy));
        var urn = c.Resource is null ? report.Findings.First(f => f.Urn.Contains("pulumi:pulumi:Stack::")).Urn : g.Urn(c.Resource);
        var statuses = report.Findings.Where(f => f.Urn == urn).Select(f => f.Status).ToList();
        Assert.True(statuses.Contains(expected),
            $"expected {expected} on {urn}\n{string.Join("\n", report.Findings.Select(f => $"{f.Status} {f.Urn}: {f.Finding.Message}"))}");
        if (expected == FindingStatus.Undetermined)
            Assert.DoesNotContain(FindingStatus.Fail, report.Findings.Select(f => f.Status));
    }

    /// <summary>
    /// A mutation run (docs/testing.md) may name the rule ids whose cases it needs, as comma-separated id prefixes in
    /// <c>ENCLAVE_RULE_CASES</c> (e.g. <c>ENC-IAM-</c>): VSTest cannot select theory rows (a <see cref="RuleCase"/> is not
    /// serialisable), and all 1,934 rows against every mutant of one folder cost most of the run. Unset: every case.
    /// </summary>
    private static readonly string[] Selected = (Environment.GetEnvironmentVariable("ENCLAVE_RULE_CASES") ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static TheoryData<RuleCase, GraphPath> Cross(IEnumerable<RuleCase> cases)
    {
        var data = new TheoryData<RuleCase, GraphPath>();
        foreach (var c in cases.Where(c => Selected.Length == 0 || Selected.Any(s => c.RuleId.StartsWith(s, StringComparison.Ordinal))))
        foreach (var p in RuleRunner.AllPaths) data.Add(c, p);
        return data;
    }
}
