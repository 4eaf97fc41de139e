using System.Text.Json;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Review;
using Enclave.Offline;
using Enclave.Offline.Planning;
using Enclave.Policy.Engine;

namespace Enclave.Cli.Tests.Plan;

/// <summary>
/// The regression test that the stacks this repository ships pass the gate: the real program, each stack's real
/// configuration, the full rule catalogue. A program or config change that breaks isolation fails here first.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class ShippedStacksGateTests
{
    private static readonly string Root = RepoFile.Path("");

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task The_shipped_stack_has_no_failed_and_no_undetermined_finding(string stack)
    {
        var result = await OfflinePlanner.RunAsync(Root, stack, preview: true, CancellationToken.None);
        var report = PolicyEvaluator.Evaluate(result.Graph, StackContext.LoadPolicy(Root, stack), today: new DateOnly(2026, 11, 29));

        Assert.NotEmpty(report.Findings);
        var open = report.Findings.Where(f => f.Status is FindingStatus.Fail or FindingStatus.Undetermined)
            .Select(f => $"{f.Status} {f.Rule.Id} {f.Finding.Urn}: {f.Finding.Message}").ToList();
        Assert.True(open.Count == 0, $"{stack}: {open.Count} failed or undetermined findings:\n{string.Join('\n', open)}");
    }

    [Fact]
    public async Task Exit_code_follows_the_mandatory_verdict_of_the_plan()
    {
        // The shipped prod stack passes: its plan says so and `enclave plan` exits 0.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 11, 29));
        var code = await CliApp.RunAsync(["plan", "prod", "--format", "json", "--repo", Root], services, stdout, stderr);

        using var doc = JsonDocument.Parse(stdout.ToString());
        Assert.Equal("pass", doc.RootElement.GetProperty("policy").GetProperty("verdict").GetString());
        Assert.Equal(0, code);
    }
}
