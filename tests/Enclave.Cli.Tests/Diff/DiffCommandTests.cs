using System.Text.Json;
using Enclave.Cli.Tests.Review;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Tests.Diff;

public class DiffCommandTests
{
    /// <summary>
    /// Writes the plan document of <paramref name="graph"/> into the repository, judged as `enclave plan` judges it
    /// (the rule catalogue, the fake stacks' default context), so the diff's re-judging agrees with the stored verdict.
    /// </summary>
    internal static string WritePlan(CliRun cli, string name, EnclaveGraph graph)
    {
        var g = graph.Build();
        var plan = PlanDocument.Create(g, PolicyVerdicts.Evaluate(g, new PolicyContext(), today: new DateOnly(2026, 11, 29)));
        var path = cli.PathOf(name);
        File.WriteAllText(path, PlanJsonWriter.Write(plan));
        return path;
    }

    private static EnclaveGraph Opened() => EnclaveGraph.Base()
        .Remove("adb")
        .Set("db-ingress", "source", PropertyValue.Of("0.0.0.0/0"))
        .Set("audit-archive", "versioning", PropertyValue.Of("Enabled"));

    [Fact]
    public async Task Two_plans_give_a_markdown_review_with_the_database_delete_and_the_rule_first()
    {
        using var cli = new CliRun();
        var (code, stdout, stderr) = await cli.RunAsync("diff", WritePlan(cli, "base.json", EnclaveGraph.Base()), WritePlan(cli, "head.json", Opened()));
        Assert.Equal(0, code);
        var delete = stdout.IndexOf("**`-` delete** `oci:Database/autonomousDatabase:AutonomousDatabase` **adb**", StringComparison.Ordinal);
        var rule = stdout.IndexOf("newly failing `ENC-NET-005`", StringComparison.Ordinal);
        var other = stdout.IndexOf("### Other changes", StringComparison.Ordinal);
        Assert.True(delete > 0 && rule > delete && (other < 0 || other > rule), stdout);
        // ENC-NET-005 (the internet) and ENC-NET-030 (a source the stack does not declare) on the opened NSG rule.
        Assert.Equal("enclave diff: 2 update, 1 delete; 2 rule findings newly failing", stderr.Trim());
        Assert.DoesNotContain("disagrees with the current rules", stdout);
    }

    [Fact]
    public async Task Opening_an_nsg_is_flagged_first_with_the_catalogue_rule_id_end_to_end()
    {
        // Both plans come from `enclave plan` itself, judged by the real rule catalogue.
        using var cli = new CliRun();
        var basePlan = cli.PathOf("base.json");
        var headPlan = cli.PathOf("head.json");
        await cli.RunAsync("plan", "prod", "--format", "json", "--output", basePlan);
        cli.Stacks.Graphs["prod"] = () => EnclaveGraph.Base()
            .Set("db-ingress", "source", PropertyValue.Of("0.0.0.0/0"))
            .Set("audit-archive", "versioning", PropertyValue.Of("Enabled"))
            .Set("vcn", "displayName", PropertyValue.Of("usde-prod-vcn")).Build();
        await cli.RunAsync("plan", "prod", "--format", "json", "--output", headPlan);

        var (code, stdout, _) = await cli.RunAsync("diff", basePlan, headPlan);
        Assert.Equal(0, code);
        var section = stdout.IndexOf("### Changes that newly violate or newly satisfy a rule", StringComparison.Ordinal);
        var nsg = stdout.IndexOf("**`~` update** `oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule` **db-ingress**", StringComparison.Ordinal);
        var flagged = stdout.IndexOf("- ❌ newly failing `ENC-NET-005` (critical, mandatory)", StringComparison.Ordinal);
        var other = stdout.IndexOf("### Other changes", StringComparison.Ordinal);
        Assert.True(section > 0 && nsg > section && flagged > nsg && other > flagged, stdout);
        Assert.DoesNotContain("### Deletes and replacements", stdout);
    }

    [Fact]
    public async Task Expect_no_changes_exits_4_on_changes_and_0_without()
    {
        using var cli = new CliRun();
        var a = WritePlan(cli, "a.json", EnclaveGraph.Base());
        var b = WritePlan(cli, "b.json", EnclaveGraph.Base().Set("vcn", "dnsLabel", PropertyValue.Of("other")));
        Assert.Equal(4, (await cli.RunAsync("diff", a, b, "--expect-no-changes")).Code);
        var same = await cli.RunAsync("diff", a, a, "--expect-no-changes", "--format", "text");
        Assert.Equal(0, same.Code);
        Assert.Contains("No resource changes.", same.Stdout);
        Assert.Equal(0, (await cli.RunAsync("diff", a, b)).Code);
    }

    [Fact]
    public async Task A_large_review_fits_the_comment_on_stdout_and_is_complete_in_the_output_file()
    {
        using var cli = new CliRun();
        var head = Opened();
        for (var i = 0; i < 1200; i++)
            head.Add("oci:ObjectStorage/bucket:Bucket", $"export-{i:D4}", PropertyValue.Map(("name", PropertyValue.Of($"usde-prod-export-{i:D4}-with-a-long-name"))));
        var full = cli.PathOf("review.md");
        var (code, stdout, _) = await cli.RunAsync("diff", WritePlan(cli, "base.json", EnclaveGraph.Base()), WritePlan(cli, "head.json", head), "--output", full);
        Assert.Equal(0, code);
        Assert.True(stdout.Length <= 60_000, $"{stdout.Length}");
        Assert.Contains("**Report truncated**", stdout);
        Assert.Contains($"The full report is in `{full}`.", stdout);
        var complete = File.ReadAllText(full);
        Assert.True(complete.Length > 60_000);
        Assert.DoesNotContain("Report truncated", complete);
        Assert.Contains("export-1199", complete);
    }

    [Fact]
    public async Task Json_format_is_the_diff_document()
    {
        using var cli = new CliRun();
        var (code, stdout, _) = await cli.RunAsync("diff", WritePlan(cli, "base.json", EnclaveGraph.Base()), WritePlan(cli, "head.json", Opened()), "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("enclave-diff", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal("destructive", doc.RootElement.GetProperty("changes")[0].GetProperty("section").GetString());
    }

    [Fact]
    public async Task Stack_exports_and_previews_are_inputs_too()
    {
        using var cli = new CliRun();
        var (code, stdout, _) = await cli.RunAsync("diff", Fixture.Path("export-base.json"), Fixture.Path("export-head.json"), "--format", "text");
        Assert.Equal(0, code);
        Assert.Contains("~ isMtlsConnectionRequired: true => false", stdout);
        Assert.Contains("~ source: \"10.30.2.0/24\" => \"0.0.0.0/0\"", stdout);
    }

    [Fact]
    public async Task Preview_json_alone_is_reviewed_from_its_steps()
    {
        using var cli = new CliRun();
        var (code, stdout, _) = await cli.RunAsync("diff", "--preview-json", Fixture.Path("preview-update.json"));
        Assert.Equal(0, code);
        Assert.Contains("| `ingressSecurityRules[0].source` | `\"10.30.2.0/24\"` | `\"0.0.0.0/0\"` |", stdout);
        Assert.Contains("| `compartmentId` | `(known after apply)` |", stdout);
        Assert.Contains("| `adminPassword` | `[secret]` | `[secret]` |", stdout);
        Assert.DoesNotContain(Fixture.PlantedSecret, stdout);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "missing.json", "", "missing.json: file not found" },
        { "truncated.json", "{ \"version\": 3, \"deployment\": { \"resources\": [", "truncated.json" },
        { "garbage.json", "\u0001\u0002PK\u0003\u0004 not json at all", "garbage.json" },
        { "other.json", "{ \"hello\": \"world\" }", "unrecognised JSON" },
        { "future-plan.json", "{ \"formatVersion\": 3, \"kind\": \"enclave-plan\" }", "unsupported plan formatVersion 3" },
        { "bad-plan.json", "{ \"formatVersion\": 1, \"kind\": \"enclave-plan\", \"stack\": \"prod\", \"project\": \"p\", \"resources\": [ 7 ] }", "resources[0]: expected a resource object, found the number 7" },
        { "old-export.json", "{ \"version\": 9, \"deployment\": { \"manifest\": {}, \"resources\": [] } }", "old-export.json" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_bad_input_file_exits_3_with_one_clear_line(string name, string content, string expected)
    {
        using var cli = new CliRun();
        var good = WritePlan(cli, "good.json", EnclaveGraph.Base());
        var bad = cli.PathOf(name);
        if (content.Length > 0) File.WriteAllText(bad, content);
        var (code, stdout, stderr) = await cli.RunAsync("diff", good, bad);
        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("enclave: error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Theory]
    [InlineData(new[] { "diff" }, "expected BASE and HEAD")]
    [InlineData(new[] { "diff", "only-one.json" }, "expected BASE and HEAD")]
    [InlineData(new[] { "diff", "a.json", "b.json", "--preview-json", "p.json" }, "--preview-json reviews one file")]
    [InlineData(new[] { "diff", "git:HEAD", "b.json" }, "git:HEAD: planning a git revision needs --stack STACK")]
    [InlineData(new[] { "diff", "a.json", "b.json", "--stack", "nope" }, "unknown stack 'nope'")]
    public async Task Usage_errors_exit_2(string[] args, string expected)
    {
        using var cli = new CliRun();
        var (code, _, stderr) = await cli.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }
}
