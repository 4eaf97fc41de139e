using System.Text.Json;
using System.Xml.Linq;
using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Check;

public class CheckCommandTests
{
    private static readonly string Compliant = CheckHarness.Fixture("compliant-preview.json");
    private static readonly string Broken = CheckHarness.Fixture("internet-gateway-preview.json");
    private static readonly string Advisory = CheckHarness.Fixture("short-log-retention-export.json");

    [Fact]
    public async Task Compliant_preview_exits_0_with_a_passing_verdict()
    {
        using var h = new CheckHarness();
        var (code, stdout, stderr) = await h.Run("check", "--preview-json", Compliant);
        Assert.True(code == ExitCodes.Ok, stdout);
        Assert.Contains("PASSED: dev", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Mandatory_violation_exits_1_and_names_the_rule_and_resource()
    {
        using var h = new CheckHarness();
        var (code, stdout, _) = await h.Run("check", "--preview-json", Broken);
        Assert.Equal(ExitCodes.Violations, code);
        Assert.Contains("ENC-NET-002", stdout);
        Assert.Contains("internetGateway:InternetGateway::igw", stdout);
        Assert.Contains("FAILED: dev: 1 blocking violation(s) of 1", stdout);
    }

    [Fact]
    public async Task Soft_fail_reports_but_exits_0()
    {
        using var h = new CheckHarness();
        var (code, stdout, _) = await h.Run("check", "--preview-json", Broken, "--soft-fail");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("ENC-NET-002", stdout);
    }

    [Theory]
    [InlineData(null, ExitCodes.Ok)]
    [InlineData("medium", ExitCodes.Ok)]
    [InlineData("low", ExitCodes.Violations)]
    [InlineData("LOW", ExitCodes.Violations)]
    public async Task Advisory_violation_fails_only_when_fail_on_reaches_it(string? failOn, int expected)
    {
        using var h = new CheckHarness();
        string[] args = failOn is null ? ["check", "--state", Advisory] : ["check", "--state", Advisory, "--fail-on", failOn];
        Assert.Equal(expected, (await h.Run(args)).Code);
    }

    [Fact]
    public async Task Sarif_to_a_file_with_the_verdict_on_stderr()
    {
        using var h = new CheckHarness();
        var output = Path.Combine(h.Repo, "out", "enclave.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var (code, stdout, stderr) = await h.Run("check", "--preview-json", Broken, "--format", "sarif", "--output", output);
        Assert.Equal(ExitCodes.Violations, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("enclave check: FAILED", stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Contains(doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "ENC-NET-002");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("junit")]
    [InlineData("markdown")]
    public async Task Every_machine_format_goes_to_stdout(string format)
    {
        using var h = new CheckHarness();
        var (code, stdout, stderr) = await h.Run("check", "--preview-json", Broken, "-f", format);
        Assert.Equal(ExitCodes.Violations, code);
        Assert.Contains("ENC-NET-002", stdout);
        Assert.Contains("FAILED", stderr);
        if (format == "json") Assert.Equal(1, JsonDocument.Parse(stdout).RootElement.GetProperty("schemaVersion").GetInt32());
        if (format == "junit") Assert.NotEmpty(XDocument.Parse(stdout).Descendants("failure"));
        if (format == "markdown") Assert.StartsWith("## enclave check: FAILED", stdout);
    }

    [Fact]
    public async Task Without_input_every_stack_is_run_offline()
    {
        using var h = new CheckHarness("dev", "prod");
        h.Source.Offline = stack => Enclave.Policy.Loaders.ArtifactLoader.Load(CheckHarness.Fixture("compliant-export.json"));
        var (code, stdout, _) = await h.Run("check");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(["dev", "prod"], h.Source.OfflineRuns);
        Assert.Contains("PASSED", stdout);
    }

    [Fact]
    public async Task Named_stacks_are_the_only_ones_run()
    {
        using var h = new CheckHarness("dev", "prod");
        Assert.Equal(ExitCodes.Ok, (await h.Run("check", "prod")).Code);
        Assert.Equal(["prod"], h.Source.OfflineRuns);
    }

    [Fact]
    public async Task Waivers_suppress_and_expired_waivers_fail()
    {
        using var h = new CheckHarness();
        var valid = h.Write("valid.yaml", "- { rule: ENC-NET-002, urn: '*::igw', reason: 'decommissioned Friday', expires: 2026-06-30, critical: true, approver: 'US data security' }\n");
        var (code, stdout, _) = await h.Run("check", "--preview-json", Broken, "--waivers", valid);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("decommissioned Friday", stdout);

        var expired = h.Write("expired.yaml", "- { rule: ENC-NET-002, urn: '*::igw', reason: 'decommissioned Friday', expires: 2026-05-01, critical: true, approver: 'US data security' }\n");
        var (expiredCode, expiredOut, _) = await h.Run("check", "--preview-json", Broken, "--waivers", expired);
        Assert.Equal(ExitCodes.Violations, expiredCode);
        Assert.Contains("ENC-GOV-900", expiredOut);
    }
}
