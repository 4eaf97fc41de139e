using Enclave.Policy.Graph;
using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Waivers;

public class WaiverTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static GraphBuilder WithNat()
    {
        var g = CompliantEnclave.Build();
        g.Add(Enclave.Policy.Graph.OciTypes.NatGateway, "nat", new { compartmentId = GraphBuilder.Ref("enclave"), vcnId = GraphBuilder.Ref("vcn") });
        return g;
    }

    private static PolicyReport Run(GraphBuilder g, string yaml) =>
        PolicyEvaluator.Evaluate(g.Build(), CompliantEnclave.Policy, WaiverLoader.Parse(yaml, "waivers.yaml"), Today);

    [Fact]
    public void Waived_violation_is_suppressed_with_its_reason_and_no_longer_fails_the_gate()
    {
        var report = Run(WithNat(), """
            waivers:
              - rule: ENC-NET-004
                urn: "urn:pulumi:dev::*::*NatGateway::nat"
                reason: "patch mirror until the SGW route lands (SEC-142)"
                expires: 2026-06-30
            """);
        var nat = report.Findings.Single(f => f.RuleId == "ENC-NET-004");
        Assert.Equal(FindingStatus.Suppressed, nat.Status);
        Assert.Equal("patch mirror until the SGW route lands (SEC-142)", nat.Waiver!.Reason);
        Assert.Equal("waivers.yaml:2", nat.Waiver.Location);
        Assert.False(report.FailsGate(null, softFail: false));
        Assert.Equal(1, report.Totals.Suppressed);
        Assert.Equal(FindingStatus.Pass, report.Findings.Single(f => f.RuleId == "ENC-GOV-900").Status);
    }

    [Fact]
    public void Expired_waiver_suppresses_nothing_and_is_itself_a_violation()
    {
        var report = Run(WithNat(), """
            - rule: ENC-NET-004
              urn: "*nat"
              reason: "temporary"
              expires: 2026-05-31
            """);
        Assert.Equal(FindingStatus.Fail, report.Findings.Single(f => f.RuleId == "ENC-NET-004").Status);
        var expired = report.Findings.Single(f => f.RuleId == "ENC-GOV-900");
        Assert.Equal(FindingStatus.Fail, expired.Status);
        Assert.Contains("expired on 2026-05-31", expired.Finding.Message);
        Assert.Contains("waivers.yaml:1", expired.Finding.Message);
    }

    [Fact]
    public void Waiver_is_valid_through_its_expiry_date()
    {
        var report = Run(WithNat(), """
            - { rule: ENC-NET-004, urn: "*::nat", reason: "r", expires: 2026-06-01 }
            """);
        Assert.Equal(FindingStatus.Suppressed, report.Findings.Single(f => f.RuleId == "ENC-NET-004").Status);
    }

    [Fact]
    public void Expired_waiver_rule_cannot_itself_be_waived()
    {
        var report = Run(CompliantEnclave.Build(), """
            - { rule: ENC-GOV-900, urn: "*", matches: many, reason: "waive the expiry rule", expires: 2020-01-01 }
            - { rule: ENC-GOV-900, urn: "*", matches: many, reason: "and again", expires: 2030-01-01 }
            """);
        Assert.Contains(report.Findings, f => f.RuleId == "ENC-GOV-900" && f.Status == FindingStatus.Fail);
    }

    [Theory]
    [InlineData("- { rule: ENC-NET-004, urn: '*', expires: 2026-01-01 }", "waivers.yaml:1: waiver without \"reason\"")]
    [InlineData("- { rule: ENC-NET-004, urn: '*', reason: '  ', expires: 2026-01-01 }", "waiver without \"reason\"")]
    [InlineData("- { rule: ENC-NET-004, urn: '*', reason: r }", "waiver without \"expires\"")]
    [InlineData("- { rule: ENC-NET-004, urn: '*', reason: r, expires: 31/12/2026 }", "is not a date (yyyy-MM-dd)")]
    [InlineData("- { rule: ENC-XXX-999, urn: '*', reason: r, expires: 2026-01-01 }", "unknown rule \"ENC-XXX-999\"")]
    [InlineData("- { rule: ENC-NET-004, urn: '*', reason: r, expires: 2026-01-01, owner: me }", "unknown key \"owner\"")]
    [InlineData("waivers: 3", "\"waivers\" must be a list")]
    [InlineData("- rule: [a, b]", "\"rule\" must be a single value")]
    [InlineData("- { rule: ENC-NET-004\n  urn: x", "invalid YAML")]
    public void Invalid_waiver_files_name_the_line_and_the_problem(string yaml, string expected)
    {
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse(yaml, "waivers.yaml"));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("waivers.yaml", e.Message);
        Assert.False(e.Unreadable);
    }

    [Fact]
    public void Second_waiver_error_reports_its_own_line()
    {
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse("""
            waivers:
              - { rule: ENC-NET-004, urn: '*', reason: ok, expires: 2026-01-01 }
              - { rule: ENC-NET-004, urn: '*', expires: 2026-01-01 }
            """, "w.yaml"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Missing_waiver_file_is_unreadable()
    {
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-waivers.yaml")));
        Assert.True(e.Unreadable);
        Assert.Contains("file not found", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00 })] // a zip header: NUL bytes
    [InlineData(new byte[] { 0x77, 0x61, 0x69, 0x76, 0xC3, 0x28, 0xFF, 0xFE, 0x3A })] // no NUL, but not UTF-8
    public void Binary_waiver_file_is_unreadable_not_invalid(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"waivers-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, content);
        try
        {
            var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Load(path));
            Assert.True(e.Unreadable);
            Assert.Equal($"{path}: binary content ", e.Message[..(path.Length + 17)]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Empty_file_has_no_waivers() => Assert.Empty(WaiverLoader.Parse("", "w.yaml").Waivers);

    [Theory]
    [InlineData("urn:pulumi:dev::p::a$oci:Core/natGateway:NatGateway::nat", true)]
    [InlineData("urn:pulumi:prod::p::a$oci:Core/natGateway:NatGateway::nat", false)]
    [InlineData("urn:pulumi:dev::p::a$oci:Core/natGateway:NatGateway::nat2", false)]
    public void Urn_patterns_are_globs_over_the_whole_urn(string urn, bool matches) =>
        Assert.Equal(matches, new Waiver("ENC-NET-004", "urn:pulumi:dev::*::nat", "r", Today).Matches("ENC-NET-004", urn));
}
