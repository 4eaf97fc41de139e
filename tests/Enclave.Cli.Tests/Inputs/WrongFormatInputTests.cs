using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;
using Enclave.Policy;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Issue 12, item 1: a file of one format given to a flag that reads another. `diff --event-log` took a preview JSON
/// (and `--preview-json` an event log, `--state` a plan) and judged it as if it were what the flag reads, exit 0; a
/// YAML file given to a JSON flag said only "expected '{'". Each is now exit 3 in one line naming what the file is
/// and what the flag reads.
/// </summary>
public class WrongFormatInputTests
{
    private const string Preview = "`pulumi preview --json` output";
    private const string EventLog = "an engine event log (`--event-log`)";
    private const string State = "a `pulumi stack export` or a checkpoint";
    private const string Plan = "an enclave plan (`enclave plan --format json`)";

    private static string EventLogFixture([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Enclave.Policy.Tests", "Fixtures", "pulumi-testdata", "json-yaml-json.json");

    /// <summary>{flag and command, the file given, what the message says it is, what it says the flag reads}.</summary>
    public static TheoryData<string[], string, string, string> Mismatches => new()
    {
        { ["diff", "--event-log", "{0}"], "preview", Preview, EventLog },
        { ["check", "--event-log", "{0}"], "preview", Preview, EventLog },
        { ["access", "dev", "--event-log", "{0}"], "preview", Preview, EventLog },
        { ["diff", "--preview-json", "{0}"], "eventlog", EventLog, Preview },
        { ["check", "--preview-json", "{0}"], "eventlog", EventLog, Preview },
        { ["access", "dev", "--preview-json", "{0}"], "eventlog", EventLog, Preview },
        { ["check", "--state", "{0}"], "plan", Plan, State },
        { ["access", "dev", "--state", "{0}"], "plan", Plan, State },
        { ["check", "--plan", "{0}"], "export", "a `pulumi stack export`", Plan },
        { ["check", "--state", "{0}"], "stack.yaml", "a YAML stack config", State },
        { ["check", "--plan", "{0}"], "waivers.yaml", "a YAML waiver file", Plan },
        { ["check", "--event-log", "{0}"], "Pulumi.yaml", "a Pulumi.yaml project file", EventLog },
        { ["diff", "{0}", "{0}"], "preview.txt", "the text output of pulumi", "a JSON document" },
        { ["check", "--preview-json", "{0}"], "junit.xml", "XML or HTML (a JUnit report", Preview },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task A_file_of_another_format_is_named_with_what_the_flag_reads(string[] args, string file, string isA, string reads)
    {
        using var h = new CheckHarness();
        var path = Make(h, file);
        var (code, stdout, stderr) = await h.Run([.. args.Select(a => a.Replace("{0}", path))]);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"enclave: error: {path}", line);
        Assert.Contains(isA, line);
        Assert.Contains($"expected {reads}", line);
    }

    [Theory]
    [InlineData("stack.yaml", "a stack config")]
    [InlineData("export", "a `pulumi stack export` or checkpoint")]
    [InlineData("preview", "`pulumi preview --json` output")]
    [InlineData("eventlog", "JSON (an engine event log")]
    [InlineData("Pulumi.yaml", "a Pulumi.yaml project file")]
    public async Task A_waiver_flag_given_another_file_names_it_and_exits_3(string file, string isA)
    {
        using var h = new CheckHarness();
        var path = Make(h, file);
        var (code, _, stderr) = await h.Run("check", "--preview-json", SpecialFiles.CheckFixture("compliant-preview.json"), "--waivers", path);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"this is {isA}", line);
        Assert.Contains("not a waiver file; expected `waivers:`", line);
    }

    [Fact]
    public async Task A_checkpoint_is_state_as_much_as_an_export_is()
    {
        using var h = new CheckHarness();
        var export = JsonNode.Parse(File.ReadAllText(SpecialFiles.CheckFixture("compliant-export.json")))!;
        var checkpoint = h.Write("checkpoint.json", new JsonObject
        {
            ["version"] = 3,
            ["checkpoint"] = new JsonObject { ["stack"] = "dev", ["latest"] = export["deployment"]!.DeepClone() },
        }.ToJsonString());
        var (code, _, stderr) = await h.Run("check", "--state", checkpoint);
        Assert.True(code is ExitCodes.Ok or ExitCodes.Violations, stderr);
    }

    private static string Make(CheckHarness h, string kind) => kind switch
    {
        "preview" => h.Write("preview.json", File.ReadAllBytes(SpecialFiles.CheckFixture("compliant-preview.json"))),
        "export" => h.Write("export.json", File.ReadAllBytes(SpecialFiles.CheckFixture("compliant-export.json"))),
        "eventlog" => h.Write("events.json", File.ReadAllBytes(EventLogFixture())),
        "plan" => h.Write("plan.json", PlanJsonWriter.Write(PlanDocument.Create(
            ArtifactLoader.LoadArtifact(SpecialFiles.CheckFixture("compliant-export.json")).Graph, PolicySummary.Empty))),
        "stack.yaml" => h.Write("Pulumi.other.yaml", "# the dev stack\nconfig:\n  us-data-enclave:homeRegion: us-ashburn-1\n"),
        "waivers.yaml" => h.Write("waivers.yaml", "waivers:\n  - rule: ENC-NET-004\n    urn: \"*\"\n    reason: r\n    expires: 2026-06-30\n"),
        "Pulumi.yaml" => h.Write("project.yaml", "name: us-data-enclave\nruntime: dotnet\nconfig:\n  k: 1\n"),
        "preview.txt" => h.Write("preview.txt", "Previewing update (dev):\n + pulumi:pulumi:Stack: (create)\n"),
        "junit.xml" => h.Write("junit.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites><testsuite name=\"enclave\"/></testsuites>\n"),
        _ => throw new ArgumentException(kind),
    };
}
