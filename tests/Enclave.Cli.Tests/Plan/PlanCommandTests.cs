using System.Text.Json;
using Enclave.Cli.Tests.Review;

namespace Enclave.Cli.Tests.Plan;

public class PlanCommandTests
{
    [Fact]
    public async Task Json_plan_is_the_same_bytes_on_every_run()
    {
        using var cli = new CliRun();
        var first = await cli.RunAsync("plan", "prod", "--format", "json");
        var second = await cli.RunAsync("plan", "prod", "--format", "json");
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.True(first.Code is 0 or 1, first.Stderr);
        using var doc = JsonDocument.Parse(first.Stdout);
        Assert.Equal("enclave-plan", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(9, doc.RootElement.GetProperty("resourceCount").GetInt32());
    }

    [Fact]
    public async Task A_failing_mandatory_verdict_exits_1()
    {
        // The hand-written graph lacks most of the enclave's controls (the shipped stacks' pass: ShippedStacksGateTests).
        using var cli = new CliRun();
        var (code, stdout, _) = await cli.RunAsync("plan", "prod", "--format", "json");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("fail", doc.RootElement.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Output_file_receives_the_plan_and_stderr_names_it()
    {
        using var cli = new CliRun();
        var file = cli.PathOf("prod-plan.md");
        var (_, stdout, stderr) = await cli.RunAsync("plan", "prod", "--format", "markdown", "--output", file);
        Assert.Equal("", stdout);
        Assert.StartsWith("## Enclave plan: `prod`", File.ReadAllText(file));
        Assert.Contains($"(plan: {file})", stderr);
    }

    [Fact]
    public async Task Text_plan_shows_the_tree_and_the_verdict()
    {
        using var cli = new CliRun();
        var (_, stdout, _) = await cli.RunAsync("plan", "prod");
        Assert.Contains("    + enclave:network:Network: (create)\n        [name=network]\n", stdout);
        Assert.Contains("    + oci:Database:AutonomousDatabase: (create)\n        [name=adb] [protected]\n", stdout);
        Assert.Matches(@"\n {8}adminPassword *: \[secret\]\n", stdout);
        Assert.Contains("Resources:\n    + ", stdout);
        Assert.Contains("Policy verdict: ", stdout);
    }

    [Fact]
    public async Task Unknown_stack_exits_2_naming_the_known_ones()
    {
        using var cli = new CliRun();
        var (code, stdout, stderr) = await cli.RunAsync("plan", "prdo");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("enclave: error: unknown stack 'prdo'; stacks: prod", stderr.Trim());
        Assert.Equal(0, cli.Stacks.Runs);
    }

    [Fact]
    public async Task Invalid_configuration_exits_2_with_the_configuration_message_only()
    {
        using var cli = new CliRun();
        cli.Stacks.Graphs["broken"] = null;
        var (code, stdout, stderr) = await cli.RunAsync("plan", "broken", "--format", "json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("enclave: error: stacks/Pulumi.broken.yaml: network.vcnCidr: \"10.0.0.0/33\" is not a CIDR block", stderr.Trim());
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        using var cli = new CliRun();
        var (code, _, stderr) = await cli.RunAsync("plan", "prod", "--format", "yaml");
        Assert.Equal(2, code);
        Assert.Contains("yaml", stderr);
    }
}
