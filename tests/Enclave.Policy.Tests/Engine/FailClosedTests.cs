using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Engine;

/// <summary>Issue 10 part 1: what the gate cannot read counts against the change, decided in one place (FailClosed).</summary>
public class FailClosedTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    // A reference the cloud assigns at deploy time (the database's subnet): in a preview, legitimately unknown. (An
    // unknown literal such as a flag blocks in a preview too, through ENC-GOV-007: see LiteralSettingsTests.)
    private static GraphBuilder UnknownDatabaseSubnet()
    {
        var g = CompliantEnclave.Build();
        g.With("adb", "subnetId", GraphBuilder.Unknown);
        return g;
    }

    private static ReportedFinding Database(PolicyReport report, GraphBuilder g) =>
        report.Findings.Single(f => f.RuleId == "ENC-DB-001" && f.Urn == g.Urn("adb"));

    [Theory]
    [InlineData(GraphOrigin.State, "a deployed state")]
    [InlineData(GraphOrigin.Plan, "a plan")]
    [InlineData(GraphOrigin.Program, "the program's own run")]
    public void An_undetermined_mandatory_finding_blocks_where_every_value_is_known(GraphOrigin origin, string artifact)
    {
        var g = UnknownDatabaseSubnet();
        var report = PolicyEvaluator.Evaluate(g.Build(origin: origin), CompliantEnclave.Policy, today: Today);

        var f = Database(report, g);
        Assert.Equal(FindingStatus.Fail, f.Status);
        Assert.True(f.Finding.Unreadable);
        Assert.StartsWith("could not be read: ", f.Finding.Message);
        Assert.Contains($"blocks: {artifact} holds every value", f.Finding.Message);
        Assert.True(report.FailsGate(null, softFail: false));
    }

    [Fact]
    public void In_a_preview_a_value_computed_at_deploy_time_stays_advisory()
    {
        var g = UnknownDatabaseSubnet();
        var report = PolicyEvaluator.Evaluate(g.Build(origin: GraphOrigin.Preview), CompliantEnclave.Policy, today: Today);

        Assert.Equal(FindingStatus.Undetermined, Database(report, g).Status);
        Assert.False(report.FailsGate(null, softFail: false));
    }

    [Fact]
    public void In_a_preview_a_secret_isolation_setting_blocks_through_GOV_006()
    {
        var g = CompliantEnclave.Build();
        g.With("data", "prohibitPublicIpOnVnic", GraphBuilder.Secret);
        var report = PolicyEvaluator.Evaluate(g.Build(origin: GraphOrigin.Preview), CompliantEnclave.Policy, today: Today);

        var gov = report.Findings.Single(f => f.RuleId == "ENC-GOV-006" && f.Urn == g.Urn("data"));
        Assert.Equal(FindingStatus.Fail, gov.Status);
        Assert.Contains("prohibitPublicIpOnVnic is secret", gov.Finding.Message);
        Assert.True(report.FailsGate(null, softFail: false));
    }

    [Fact]
    public void Warn_reports_undetermined_findings_without_blocking()
    {
        var g = UnknownDatabaseSubnet();
        var report = PolicyEvaluator.Evaluate(g.Build(origin: GraphOrigin.State), CompliantEnclave.Policy, today: Today,
            undetermined: UndeterminedMode.Warn);

        Assert.Equal(FindingStatus.Undetermined, Database(report, g).Status);
        Assert.False(report.FailsGate(null, softFail: false));
    }

    [Fact]
    public void Advisory_rules_never_fail_closed()
    {
        var advisory = new RuleInfo("ENC-X-1", "t", Severity.Low, Enforcement.Advisory, "r", "m");
        var finding = new Finding("ENC-X-1", "urn", Verdict.Undetermined, "not known");
        Assert.Same(finding, FailClosed.Apply(advisory, finding, GraphOrigin.State, UndeterminedMode.Block));
    }
}
