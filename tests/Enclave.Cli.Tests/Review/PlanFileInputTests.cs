using System.Text.Json.Nodes;

namespace Enclave.Cli.Tests.Review;

/// <summary>
/// Plan files go through the same reader as Pulumi's JSON files: the same one-line errors in `diff` and `check`,
/// and `check` accepts a plan (`--plan FILE`, or as `--state FILE`) and judges its resources with the current rules.
/// </summary>
public class PlanFileInputTests
{
    private static async Task<string> PlanProd(CliRun cli)
    {
        var path = cli.PathOf("plan.json");
        var (_, _, stderr) = await cli.RunAsync("plan", "prod", "--format", "json", "--output", path);
        Assert.True(File.Exists(path), stderr);
        return path;
    }

    private static string OneErrorLine(string stdout, string stderr)
    {
        Assert.Equal("", stdout);
        Assert.DoesNotContain("   at ", stderr);
        return Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_truncated_plan_gives_the_same_positioned_message_in_diff_and_check()
    {
        using var cli = new CliRun();
        var plan = await PlanProd(cli);
        var text = File.ReadAllText(plan);
        var cut = cli.PathOf("cut.json");
        File.WriteAllText(cut, text[..(text.Length / 2)]);
        const string Expected = @"^enclave: error: .*cut\.json:\d+:\d+: JSON ends before the document is complete \(truncated file\?\)$";

        var diff = await cli.RunAsync("diff", plan, cut);
        Assert.Equal(3, diff.Code);
        Assert.Matches(Expected, OneErrorLine(diff.Stdout, diff.Stderr));
        Assert.DoesNotContain("Expected depth", diff.Stderr);

        var check = await cli.RunAsync("check", "--plan", cut);
        Assert.Equal(3, check.Code);
        Assert.Matches(Expected, OneErrorLine(check.Stdout, check.Stderr));
    }

    [Fact]
    public async Task Check_reads_the_projects_own_plan_file_and_judges_it_like_the_stack()
    {
        // With --plan only: --state reads what is deployed, and a plan is what the program declares
        // (Inputs/WrongFormatInputTests: a plan given as --state is refused naming both).
        const string flag = "--plan";
        using var cli = new CliRun();
        var plan = await PlanProd(cli);
        var stack = await cli.RunAsync("check", "prod", "--format", "json");
        var file = await cli.RunAsync("check", flag, plan, "--format", "json");

        Assert.True(file.Code is 0 or 1, file.Stderr);
        Assert.DoesNotContain("unrecognised JSON", file.Stderr);
        Assert.Equal(stack.Code, file.Code);
        Assert.Equal(Verdicts(stack.Stdout), Verdicts(file.Stdout));
    }

    [Fact]
    public async Task Check_of_a_plan_rejudges_it_instead_of_trusting_its_stored_verdict()
    {
        using var cli = new CliRun();
        var plan = await PlanProd(cli);
        var doc = JsonNode.Parse(File.ReadAllText(plan))!.AsObject();
        doc["resources"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == "db-ingress")["inputs"]!["source"] = "0.0.0.0/0";
        doc["policy"] = new JsonObject { ["passed"] = 1, ["findings"] = new JsonArray() };  // claims a clean pass
        File.WriteAllText(plan, doc.ToJsonString());

        var (code, stdout, stderr) = await cli.RunAsync("check", "--plan", plan);
        Assert.Equal(1, code);
        Assert.Contains("ENC-NET-005", stdout + stderr);
    }

    [Fact]
    public async Task A_plan_given_as_a_preview_is_refused_with_what_it_is()
    {
        using var cli = new CliRun();
        var plan = await PlanProd(cli);
        var (code, stdout, stderr) = await cli.RunAsync("check", "--preview-json", plan);
        Assert.Equal(3, code);
        Assert.Contains("expected `pulumi preview --json` output but the file is an enclave plan", OneErrorLine(stdout, stderr));
    }

    [Fact]
    public async Task A_plan_with_a_mistyped_policy_section_is_refused_in_one_line_not_a_crash()
    {
        using var cli = new CliRun();
        var plan = await PlanProd(cli);
        var doc = JsonNode.Parse(File.ReadAllText(plan))!.AsObject();
        doc["policy"] = new JsonObject { ["passed"] = "many", ["findings"] = new JsonArray() };
        File.WriteAllText(plan, doc.ToJsonString());
        var (code, _, stderr) = await cli.RunAsync("check", "--plan", plan);
        Assert.Equal(3, code);
        Assert.Contains("at $.policy.passed: expected a count, found the string \"many\"", stderr);
    }

    /// <summary>The (rule, resource, verdict) triples of a JSON check report, order-independent.</summary>
    private static List<string> Verdicts(string json)
    {
        var rows = new List<string>();
        Collect(JsonNode.Parse(json), rows);
        rows.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(rows);
        return rows;
    }

    private static void Collect(JsonNode? node, List<string> rows)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["ruleId"] is JsonValue rule && o["urn"] is JsonValue urn)
                    rows.Add($"{rule} {urn} {o["verdict"] ?? o["status"]}");
                foreach (var (_, child) in o) Collect(child, rows);
                break;
            case JsonArray a:
                foreach (var child in a) Collect(child, rows);
                break;
        }
    }
}
