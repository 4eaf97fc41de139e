using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Waivers;

/// <summary>Issue 10 part 7: waivers cannot switch the gate off. Every bad waiver is one line naming the file, line and key.</summary>
public class WaiverLimitTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly WaiverLimits Limits = new(Today);

    private static WaiverFileException Rejected(string yaml, WaiverLimits? limits = null) =>
        Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse(yaml, "waivers.yaml", limits ?? Limits));

    [Theory]
    [InlineData("ENC-NET-*")]
    [InlineData("*")]
    [InlineData("ENC-NET-00?")]
    public void A_wildcard_rule_id_is_rejected_naming_the_key(string rule)
    {
        var e = Rejected($"- {{ rule: \"{rule}\", urn: '*::nat', reason: r, expires: 2026-06-30 }}");
        Assert.Equal($"waivers.yaml:1: rule \"{rule}\": wildcards are not allowed; a waiver names exactly one rule id such as ENC-NET-004", e.Message);
    }

    [Fact]
    public void A_critical_mandatory_rule_needs_critical_true_and_an_approver()
    {
        var e = Rejected("- { rule: ENC-NET-002, urn: '*::igw', reason: r, expires: 2026-06-30 }");
        Assert.Contains("waivers.yaml:1: rule ENC-NET-002 is critical and mandatory: its waiver must say `critical: true` and name the `approver`", e.Message);
        var noApprover = Rejected("- { rule: ENC-NET-002, urn: '*::igw', reason: r, expires: 2026-06-30, critical: true }");
        Assert.Contains("approver", noApprover.Message);

        var accepted = WaiverLoader.Parse("- { rule: ENC-NET-002, urn: '*::igw', reason: r, expires: 2026-06-30, critical: true, approver: 'J. Doe, US data security' }",
            "waivers.yaml", Limits);
        Assert.Equal("J. Doe, US data security", accepted.Waivers.Single().Approver);
    }

    [Fact]
    public void A_waiver_lasts_at_most_90_days_from_today()
    {
        WaiverLoader.Parse("- { rule: ENC-NET-004, urn: '*::nat', reason: r, expires: 2026-08-30 }", "waivers.yaml", Limits);  // day 90
        var e = Rejected("- { rule: ENC-NET-004, urn: '*::nat', reason: r, expires: 2026-08-31 }");
        Assert.Equal("waivers.yaml:1: expires 2026-08-31 is 91 days away; a waiver lasts at most 90 days (until 2026-08-30)", e.Message);
    }

    [Fact]
    public void The_lifetime_limit_can_be_lowered_never_raised()
    {
        var e = Rejected("- { rule: ENC-NET-004, urn: '*::nat', reason: r, expires: 2026-06-30 }", new WaiverLimits(Today, 14));
        Assert.Contains("a waiver lasts at most 14 days (until 2026-06-15)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WaiverLimits(Today, 91));
    }

    [Theory]
    [InlineData("matches: several", "matches \"several\": expected one or many")]
    [InlineData("critical: yes-please", "critical is \"yes-please\"; expected true or false")]
    public void Optional_keys_accept_only_their_values(string extra, string message)
    {
        var e = Rejected($"- {{ rule: ENC-NET-004, urn: '*::nat', reason: r, expires: 2026-06-30, {extra} }}");
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_glob_matching_several_resources_suppresses_nothing_and_fails_GOV_901_unless_it_says_matches_many()
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.NatGateway, "nat", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        var broad = WaiverLoader.Parse("- { rule: ENC-NET-004, urn: '*', reason: r, expires: 2026-06-30 }", "waivers.yaml", Limits);
        var report = PolicyEvaluator.Evaluate(g.Build(), CompliantEnclave.Policy, broad, Today);
        Assert.Equal(FindingStatus.Fail, report.Findings.Single(f => f.RuleId == "ENC-NET-004").Status);
        var gov = report.Findings.Single(f => f.RuleId == "ENC-GOV-901");
        Assert.Equal(FindingStatus.Fail, gov.Status);
        Assert.Contains("without `matches: many`", gov.Finding.Message);

        var declared = WaiverLoader.Parse("- { rule: ENC-NET-004, urn: '*', matches: many, reason: r, expires: 2026-06-30 }", "waivers.yaml", Limits);
        var ok = PolicyEvaluator.Evaluate(g.Build(), CompliantEnclave.Policy, declared, Today);
        Assert.Equal(FindingStatus.Suppressed, ok.Findings.Single(f => f.RuleId == "ENC-NET-004").Status);
        Assert.DoesNotContain(ok.Findings, f => f.RuleId == "ENC-GOV-901");
    }
}
