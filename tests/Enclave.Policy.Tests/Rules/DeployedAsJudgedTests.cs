using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-GOV-092 compares a setting's deployed value with the program's, list items as sets. Lists nested in lists
/// multiply those set comparisons: a hostile state of three nested levels of 64 items, reordered, would take billions
/// of them. A setting that needs more than the rule's budget reads as drift: the run ends, and fails closed. Many such
/// resources share one budget for the run, so they cannot multiply it.
/// </summary>
public class DeployedAsJudgedTests
{
    private static object[] Nested(int depth, bool reversed, int width = 64)
    {
        var items = Enumerable.Range(0, width).Select(i => depth == 0
            ? (object)new { displayName = $"rule-{i}" }
            : new { displayName = $"rule-{i}", rules = Nested(depth - 1, reversed, width) }).ToArray();
        if (reversed) Array.Reverse(items);
        return items;
    }

    [Fact]
    public void A_hostile_nested_reordered_list_fails_closed_instead_of_comparing_forever()
    {
        var g = CompliantEnclave.Build();
        var bucket = g["data-bucket"];
        bucket.Inputs["retentionRules"] = Nested(2, reversed: false);
        foreach (var (k, v) in bucket.Inputs) bucket.Outputs[k] = v;
        bucket.Outputs["retentionRules"] = Nested(2, reversed: true);

        var report = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-GOV-092");

        Assert.Contains(report.Findings, f => f.Urn == g.Urn("data-bucket") && f.Status == FindingStatus.Fail);
    }

    [Fact]
    public void Hostile_resources_past_the_run_budget_still_each_fail()
    {
        var g = CompliantEnclave.Build();
        var template = g["data-bucket"];
        for (var n = 0; n < 110; n++)
        {
            var bucket = g.Add(template.Type, $"hostile-{n}", new Dictionary<string, object?>(template.Inputs) { ["name"] = $"hostile-{n}", ["retentionRules"] = Nested(1, reversed: false, width: 48) });
            foreach (var (k, v) in bucket.Inputs) bucket.Outputs[k] = v;
            bucket.Outputs["retentionRules"] = Nested(1, reversed: true, width: 48);
        }

        var report = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-GOV-092");

        Assert.Equal(110, report.Findings.Count(f => f.Urn.Contains("::hostile-", StringComparison.Ordinal) && f.Status == FindingStatus.Fail));
    }

    [Fact]
    public void The_same_nested_list_deployed_in_another_order_is_not_drift()
    {
        var g = CompliantEnclave.Build();
        var bucket = g["data-bucket"];
        bucket.Inputs["retentionRules"] = Nested(1, reversed: false, width: 16);
        foreach (var (k, v) in bucket.Inputs) bucket.Outputs[k] = v;
        bucket.Outputs["retentionRules"] = Nested(1, reversed: true, width: 16);

        var report = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-GOV-092");

        Assert.DoesNotContain(report.Findings, f => f.Status != FindingStatus.Pass);
    }
}
