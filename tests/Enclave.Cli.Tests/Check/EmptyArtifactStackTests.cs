using System.Text.Json;
using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// An artifact whose URNs cannot name its stack (the export of a stack with no resources, `"deployment": null`, a
/// preview with no steps) is judged as the stack the user named: every report says which stack it judged.
/// </summary>
public class EmptyArtifactStackTests
{
    private const string EmptyExport = """{"version": 3, "deployment": {"manifest": {"time": "2026-11-20T10:05:00Z", "magic": "", "version": "v3.270.0"}}}""";

    [Theory]
    [InlineData(EmptyExport)]
    [InlineData("""{"version": 3, "deployment": null}""")]
    [InlineData("""{"version": 3, "deployment": {"resources": []}}""")]
    public async Task Check_names_the_stack_given_with_stack_never_an_empty_name(string export)
    {
        using var h = new CheckHarness();
        var state = h.Write("empty.json", export);

        // Before: "==  (state: …)", "FAILED: : 11 blocking violation(s)" and a JSON report with "stack": "",
        // "project": "" and findings on the URN ":pulumi:pulumi:Stack::-".
        var (code, text, _) = await h.Run("check", "--state", state, "--stack", "dev");
        Assert.True(code is ExitCodes.Ok or ExitCodes.Violations, text);
        Assert.StartsWith($"== dev (state: {state})", text, StringComparison.Ordinal);
        Assert.Contains("\ndev: 0 resources, ", text, StringComparison.Ordinal);

        var (_, json, _) = await h.Run("check", "--state", state, "--stack", "dev", "--format", "json");
        var stack = JsonDocument.Parse(json).RootElement.GetProperty("stacks")[0];
        Assert.Equal("dev", stack.GetProperty("stack").GetString());
        Assert.Equal("us-data-enclave", stack.GetProperty("project").GetString());
        foreach (var finding in stack.GetProperty("findings").EnumerateArray())
            Assert.StartsWith("urn:pulumi:dev::us-data-enclave::", finding.GetProperty("urn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_names_an_empty_side_after_stack_or_asks_for_it()
    {
        using var h = new CheckHarness();
        var empty = h.Write("empty.json", EmptyExport);
        var head = CheckHarness.Fixture("compliant-export.json");

        // Before: the empty base was judged under the default context and the diff noted
        // "base is stack / and head is us-data-enclave/dev".
        var (code, _, stderr) = await h.Run("diff", empty, head, "--repo", h.Repo);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains($"{empty} holds no resources to name its stack; pass --stack NAME", stderr, StringComparison.Ordinal);

        (code, var markdown, _) = await h.Run("diff", empty, head, "--stack", "dev", "--repo", h.Repo);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("## Enclave diff: `dev` (us-data-enclave)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("base is stack", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_names_the_stack_it_was_asked_about()
    {
        using var h = new CheckHarness();
        var state = h.Write("empty.json", EmptyExport);
        var (code, json, _) = await h.Run("access", "dev", "--state", state, "--format", "json");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("dev", JsonDocument.Parse(json).RootElement.GetProperty("stack").GetString());
    }
}
