using Enclave.Policy.Engine;
using Enclave.Policy.Rules;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>The compliant enclave passes every rule, whichever artifact it arrives in.</summary>
public class CompliantBaselineTests
{
    public static TheoryData<GraphPath> Paths() => new(RuleRunner.AllPaths);

    [Theory]
    [MemberData(nameof(Paths))]
    public void Compliant_enclave_has_no_failing_or_undetermined_finding(GraphPath path)
    {
        var report = RuleRunner.Run(CompliantEnclave.Build(), path);
        var problems = report.Findings.Where(f => f.Status != FindingStatus.Pass).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(f => $"{f.Status} {f.RuleId} {f.Urn}: {f.Finding.Message}")));
        Assert.False(report.HasViolationsAtOrAbove(Severity.Low));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_rule_except_waiver_governance_judges_the_compliant_enclave(GraphPath path)
    {
        var report = RuleRunner.Run(CompliantEnclave.Build(), path);
        var judged = report.Findings.Select(f => f.RuleId).ToHashSet();
        var silent = RuleCatalogue.All.Select(r => r.Info.Id).Where(id => !judged.Contains(id) && !id.StartsWith("ENC-GOV-9", StringComparison.Ordinal)).ToList();
        Assert.True(silent.Count == 0, "rules without a finding: " + string.Join(", ", silent));
    }
}
