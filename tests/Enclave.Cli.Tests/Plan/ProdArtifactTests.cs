using System.Text.Json;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Review;
using Enclave.Offline;
using Enclave.Offline.Planning;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.TestSupport.PulumiFiles;

namespace Enclave.Cli.Tests.Plan;

/// <summary>
/// The real prod stack (program and config) written as the Pulumi CLI writes its files, a version-4 stack export
/// and a preview's event log, then judged through `enclave check`: the gate must reach the very findings it reaches
/// on the program itself, so nothing is lost or invented on the way through either format.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class ProdArtifactTests
{
    private static readonly string Root = RepoFile.Path("");
    private static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>A version-4 export as a current CLI writes it: the feature it lists, and the field on every resource.</summary>
    private static readonly ExportForm ExportV4 = new()
    {
        Version = 4,
        Features = ["refreshBeforeUpdate"],
        State = new StateFields { RefreshBeforeUpdate = true },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_prod_stack_as_an_event_log_and_as_a_v4_export_is_judged_as_the_program_is(bool deployed)
    {
        var graph = (await OfflinePlanner.RunAsync(Root, "prod", preview: !deployed, CancellationToken.None)).Graph;
        var expected = Verdicts(PolicyEvaluator.Evaluate(graph, StackContext.LoadPolicy(Root, "prod"), today: Today));
        var dir = Directory.CreateTempSubdirectory("enclave-prod-artifacts-").FullName;
        try
        {
            var file = Path.Combine(dir, deployed ? "prod-export-v4.json" : "prod-preview.events.json");
            var resources = EngineProviders.Add(graph.Resources, "us-ashburn-1");
            if (deployed) StackExportJson.Write(file, resources, ExportV4);
            else EventLogJson.Write(file, resources, "us-ashburn-1");
            var report = Path.Combine(dir, "report.json");
            var (code, stderr) = await Check(deployed ? "--state" : "--event-log", file, "--stack", "prod", "--format", "json", "--output", report);
            Assert.True(File.Exists(report), stderr);
            // The default provider the engine adds (the program run does not register it) is judged too, and passes.
            var program = graph.Resources.Select(r => r.Urn).ToHashSet(StringComparer.Ordinal);
            var all = Verdicts(File.ReadAllText(report));
            Assert.All(all.Where(v => !program.Contains(v.Split(' ')[1])), v => Assert.EndsWith(" pass", v));
            var actual = all.Where(v => program.Contains(v.Split(' ')[1])).ToList();
            Assert.True(expected.SequenceEqual(actual), "only from the program:\n" + string.Join("\n", expected.Except(actual)) +
                                                        "\nonly from the file:\n" + string.Join("\n", actual.Except(expected)));
            Assert.Equal(expected.Any(v => v.EndsWith(" fail", StringComparison.Ordinal)) ? ExitCodes.Violations : ExitCodes.Ok, code);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("KEEP_ARTIFACTS") is null) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_prod_preview_event_log_is_reviewed_by_diff()
    {
        var graph = (await OfflinePlanner.RunAsync(Root, "prod", preview: true, CancellationToken.None)).Graph;
        var file = Path.Combine(Directory.CreateTempSubdirectory("enclave-prod-diff-").FullName, "prod.events.json");
        EventLogJson.Write(file, EngineProviders.Add(graph.Resources, "us-ashburn-1"), "us-ashburn-1");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["diff", "--event-log", file, "--stack", "prod", "--format", "json", "--repo", Root],
            new CliServices(new OfflineStackSource(), () => Today), stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        using var doc = JsonDocument.Parse(stdout.ToString());
        var creates = doc.RootElement.GetProperty("changes").EnumerateArray().Count(c => c.GetProperty("op").GetString() == "create");
        Assert.Equal(EngineProviders.Add(graph.Resources, "us-ashburn-1").Count(r => r.Type != "pulumi:pulumi:Stack"), creates);
    }

    private static async Task<(int Code, string Stderr)> Check(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["check", .. args, "--repo", Root], new CliServices(new OfflineStackSource(), () => Today), stdout, stderr);
        return (code, stderr.ToString());
    }

    /// <summary>(rule, resource, status) of every finding, sorted.</summary>
    private static List<string> Verdicts(PolicyReport report) =>
        [.. report.Findings.Select(f => $"{f.Rule.Id} {f.Finding.Urn} {f.Status.ToString().ToLowerInvariant()}").Order(StringComparer.Ordinal)];

    private static List<string> Verdicts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("stacks")[0].GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("urn").GetString()} {f.GetProperty("status").GetString()}")
            .Order(StringComparer.Ordinal)];
    }
}
