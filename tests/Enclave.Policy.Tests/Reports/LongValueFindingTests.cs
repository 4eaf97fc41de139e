using Enclave.Policy.Engine;
using Enclave.Policy.Rules;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Reports;

/// <summary>
/// A hostile artifact can carry a value of megabytes in a field a rule quotes (a group name in a statement that
/// parses): every finding is one line of every report, so each quoted part is cut, never the verdict.
/// </summary>
public class LongValueFindingTests
{
    [Fact]
    public void A_ten_megabyte_group_name_in_a_parseable_grant_still_fails_in_a_bounded_message()
    {
        var huge = new string('g', 10_000_000);
        var g = CompliantEnclave.Build();
        var statements = (string[])g["root-policy"].Inputs["statements"]!;
        g.With("root-policy", "statements", statements.Append($"allow group {huge} to manage all-resources in tenancy").ToArray());

        var report = RuleRunner.Run(g, GraphPath.HandKnownIds, undetermined: UndeterminedMode.Block);

        var failures = report.Findings.Where(f => f.Status == FindingStatus.Fail && f.Urn == g.Urn("root-policy")).ToList();
        Assert.NotEmpty(failures);
        Assert.All(report.Findings, f =>
        {
            Assert.True(f.Finding.Message.Length < 20_000, $"{f.RuleId}: message of {f.Finding.Message.Length} characters");
            Assert.All(f.Finding.Evidence, e => Assert.True(e.Length < 5_000, $"{f.RuleId}: evidence line of {e.Length} characters"));
        });
        Assert.Contains(failures, f => f.Finding.Message.Contains("more characters]", StringComparison.Ordinal)
                                       || f.Finding.Evidence.Any(e => e.Contains("more characters]", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', FindingText.MaxPartLength - 1) + "😀" + new string('b', 100);
        var message = new Finding("ENC-X-1", "urn", Verdict.Fail, text).Message;

        Assert.StartsWith(new string('a', FindingText.MaxPartLength - 1) + "…", message);
        Assert.EndsWith("[102 more characters]", message);
    }

    [Fact]
    public void Parts_within_the_limit_are_kept_whole()
    {
        var text = new string('x', FindingText.MaxPartLength);
        Assert.Equal(text, new Finding("ENC-X-1", "urn", Verdict.Fail, text).Message);
    }
}
