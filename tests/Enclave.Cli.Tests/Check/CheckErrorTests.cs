using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Check;

/// <summary>Every bad input ends in exit 2 or 3 with one line on stderr, no stack trace and no report.</summary>
public class CheckErrorTests
{
    private static readonly string Compliant = CheckHarness.Fixture("compliant-preview.json");

    private static async Task<string> Fails(CheckHarness h, int expectedCode, params string[] args)
    {
        var output = Path.Combine(h.Repo, "report.json");
        var (code, stdout, stderr) = await h.Run([.. args, "--format", "json", "--output", output]);
        Assert.Equal(expectedCode, code);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(output), "a failed run must not leave a report");
        Assert.StartsWith("enclave: error: ", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", stderr);
        return stderr;
    }

    [Fact]
    public async Task Malformed_json_exits_3_with_file_and_position()
    {
        using var h = new CheckHarness();
        var file = h.Write("bad.json", "{\n  \"steps\": [ ,\n");
        var err = await Fails(h, ExitCodes.InputUnreadable, "check", "--preview-json", file);
        Assert.Matches(@"bad\.json:2:\d+: malformed JSON", err);
    }

    [Fact]
    public async Task Truncated_json_exits_3()
    {
        using var h = new CheckHarness();
        var full = File.ReadAllText(Compliant);
        var file = h.Write("cut.json", full[..(full.Length / 3)]);
        Assert.Contains("truncated", await Fails(h, ExitCodes.InputUnreadable, "check", "--preview-json", file));
    }

    [Fact]
    public async Task Binary_input_exits_3()
    {
        using var h = new CheckHarness();
        var file = h.Write("state.bin", [0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]);
        Assert.Contains("binary content", await Fails(h, ExitCodes.InputUnreadable, "check", "--state", file));
    }

    [Fact]
    public async Task Unsupported_deployment_version_exits_3()
    {
        using var h = new CheckHarness();
        var v5 = h.Write("v5.json", File.ReadAllText(CheckHarness.Fixture("export-version-4.json")).Replace("\"version\": 4", "\"version\": 5"));
        Assert.Contains("version 5 is newer than this tool understands; supported: 3 and 4",
            await Fails(h, ExitCodes.InputUnreadable, "check", "--state", v5));
    }

    [Theory]
    [InlineData("--state", """{ "version": 3, "deployment": { "manifest": {}, "resources": [ { "urn": "urn:pulumi:dev::p::oci:Core/vcn:Vcn::v", "custom": "true", "type": "oci:Core/vcn:Vcn" } ] } }""",
        "at $.deployment.resources[0].custom: expected true or false, found the string \"true\"")]
    [InlineData("--state", """{ "version": 3, "deployment": { "manifest": {}, "resources": [ { "urn": "urn:pulumi:dev::p::oci:Core/vcn:Vcn::v", "custom": true, "Custom": false, "type": "oci:Core/vcn:Vcn" } ] } }""",
        "\"custom\" is given twice in one object")]
    [InlineData("--preview-json", """{ "steps": [ { "op": "frobnicate", "urn": "urn:pulumi:dev::p::oci:Core/vcn:Vcn::v" } ] }""",
        "unknown step operation \"frobnicate\"")]
    [InlineData("--event-log", """{"sequence":1,"timestamp":1,"resourcePreEvent":{"metadata":{"op":"create","urn":"urn:pulumi:dev::p::oci:Core/vcn:Vcn::v","new":{"urn":"urn:pulumi:dev::p::oci:Core/vcn:Vcn::v","type":"oci:Core/vcn:Vcn","custom":true}}}}""",
        "the run did not finish")]
    public async Task Artifacts_pulumi_never_writes_exit_3_in_one_line(string flag, string json, string expected)
    {
        using var h = new CheckHarness();
        Assert.Contains(expected, await Fails(h, ExitCodes.InputUnreadable, "check", flag, h.Write("artifact.json", json)));
    }

    [Fact]
    public async Task Deep_nesting_exits_3()
    {
        using var h = new CheckHarness();
        var file = h.Write("deep.json", "{\"steps\": [{\"op\": \"create\", \"urn\": \"urn:pulumi:dev::p::a:b:C::x\", \"newState\": {\"inputs\": {\"x\": " +
                                        new string('[', 5000) + new string(']', 5000) + "}}}]}");
        Assert.Contains("deeper than 256", await Fails(h, ExitCodes.InputUnreadable, "check", "--preview-json", file));
    }

    [Fact]
    public async Task Missing_input_file_exits_3()
    {
        using var h = new CheckHarness();
        Assert.Contains("file not found", await Fails(h, ExitCodes.InputUnreadable, "check", "--state", Path.Combine(h.Repo, "nope.json")));
    }

    [Fact]
    public async Task Preview_given_as_state_exits_3()
    {
        using var h = new CheckHarness();
        Assert.Contains("expected a `pulumi stack export`", await Fails(h, ExitCodes.InputUnreadable, "check", "--state", Compliant));
    }

    [Fact]
    public async Task Unknown_stack_exits_2_and_lists_the_stacks()
    {
        using var h = new CheckHarness("dev", "prod");
        Assert.Contains("unknown stack 'qa'; stacks: dev, prod", await Fails(h, ExitCodes.UsageOrConfig, "check", "qa"));
    }

    [Fact]
    public async Task Stack_flag_that_contradicts_the_file_exits_2()
    {
        using var h = new CheckHarness("dev", "prod");
        Assert.Contains("is a dev artifact but --stack says prod", await Fails(h, ExitCodes.UsageOrConfig, "check", "--preview-json", Compliant, "--stack", "prod"));
    }

    [Fact]
    public async Task Unreadable_waiver_file_exits_3()
    {
        using var h = new CheckHarness();
        Assert.Contains("file not found", await Fails(h, ExitCodes.InputUnreadable, "check", "--preview-json", Compliant, "--waivers", Path.Combine(h.Repo, "none.yaml")));
    }

    [Fact]
    public async Task Invalid_waiver_file_exits_2_with_its_line()
    {
        using var h = new CheckHarness();
        var waivers = h.Write("w.yaml", "waivers:\n  - { rule: ENC-NET-002, urn: '*', expires: 2026-12-31 }\n");
        Assert.Contains("w.yaml:2: waiver without \"reason\"", await Fails(h, ExitCodes.UsageOrConfig, "check", "--preview-json", Compliant, "--waivers", waivers));
    }

    [Fact]
    public async Task Both_inputs_exit_2()
    {
        using var h = new CheckHarness();
        Assert.Contains("alternatives", await Fails(h, ExitCodes.UsageOrConfig, "check", "--preview-json", Compliant, "--state", Compliant));
    }

    [Theory]
    [InlineData("check", "--fail-on", "severe")]
    [InlineData("check", "--bogus")]
    [InlineData("check", "--format", "html")]
    [InlineData("frobnicate")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        using var h = new CheckHarness();
        var (code, stdout, stderr) = await h.Run(args);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("enclave: error: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Output_into_a_missing_directory_exits_2()
    {
        using var h = new CheckHarness();
        var (code, _, stderr) = await h.Run("check", "--preview-json", Compliant, "--output", Path.Combine(h.Repo, "no", "dir", "r.json"));
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("does not exist", stderr);
    }

    [Fact]
    public async Task A_failing_stack_source_is_an_internal_error_not_a_stack_trace()
    {
        using var h = new CheckHarness();
        h.Source.Offline = _ => throw new InvalidOperationException("boom");
        var (code, _, stderr) = await h.Run("check", "dev");
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("internal error: InvalidOperationException: boom", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Secrets_shown_in_an_export_never_reach_any_output()
    {
        using var h = new CheckHarness();
        var export = CheckHarness.Fixture("show-secrets-export.json");
        Assert.Contains("Hunter2-DoNotLeak-7f3a", File.ReadAllText(export));
        foreach (var format in new[] { "text", "json", "sarif", "junit", "markdown" })
        {
            var (_, stdout, stderr) = await h.Run("check", "--state", export, "--format", format);
            Assert.DoesNotContain("Hunter2-DoNotLeak-7f3a", stdout + stderr);
        }
        var (_, access, _) = await h.Run("access", "dev", "--state", export, "--format", "json");
        Assert.DoesNotContain("Hunter2-DoNotLeak-7f3a", access);
    }
}
