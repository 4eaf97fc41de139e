using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Review;

namespace Enclave.Cli.Tests.Diff;

/// <summary>
/// `enclave diff` of two plan files judges their resources with the current rules: the verdict a plan carries is
/// only cross-checked, so a hand-edited or stale plan cannot hide a newly opened path or a lost database.
/// </summary>
public class DiffRejudgeTests
{
    /// <summary>Edits a plan file as a person would in a text editor, leaving its stored "policy" section untouched.</summary>
    private static string HandEdit(CliRun cli, string from, string name, Action<JsonArray> edit)
    {
        var doc = JsonNode.Parse(File.ReadAllText(from))!.AsObject();
        edit(doc["resources"]!.AsArray());
        doc["resourceCount"] = doc["resources"]!.AsArray().Count;  // a consistent edit: the count follows the list
        var path = cli.PathOf(name);
        File.WriteAllText(path, doc.ToJsonString());
        return path;
    }

    private static JsonObject Resource(JsonArray resources, string name) =>
        resources.Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);

    private static async Task<string> PlanProd(CliRun cli)
    {
        var path = cli.PathOf("base.json");
        // The hand-written graph violates other rules (exit 1); only the plan file matters here.
        var (_, _, stderr) = await cli.RunAsync("plan", "prod", "--format", "json", "--output", path);
        Assert.True(File.Exists(path), stderr);
        return path;
    }

    [Fact]
    public async Task A_hand_opened_nsg_in_a_plan_file_is_flagged_first_with_ENC_NET_005_and_the_stale_verdict_is_warned_about()
    {
        using var cli = new CliRun();
        var basePlan = await PlanProd(cli);
        var headPlan = HandEdit(cli, basePlan, "head.json",
            resources => Resource(resources, "db-ingress")["inputs"]!["source"] = "0.0.0.0/0");

        var (code, stdout, stderr) = await cli.RunAsync("diff", basePlan, headPlan);

        Assert.Equal(0, code);
        Assert.DoesNotContain("no rule changes its verdict", stdout, StringComparison.OrdinalIgnoreCase);
        var section = stdout.IndexOf("### Changes that newly violate or newly satisfy a rule", StringComparison.Ordinal);
        var nsg = stdout.IndexOf("**db-ingress**", StringComparison.Ordinal);
        var flagged = stdout.IndexOf("newly failing `ENC-NET-005`", StringComparison.Ordinal);
        var other = stdout.IndexOf("### Other changes", StringComparison.Ordinal);
        Assert.True(section > 0 && nsg > section && flagged > nsg && (other < 0 || other > flagged), stdout);
        Assert.Contains($"the policy verdict stored in {headPlan} disagrees with the current rules", stdout);
        Assert.DoesNotContain($"stored in {basePlan}", stdout);
        Assert.Contains("rule findings newly failing", stderr);
    }

    [Fact]
    public async Task A_protected_database_deleted_by_hand_from_a_plan_file_comes_first()
    {
        using var cli = new CliRun();
        var basePlan = await PlanProd(cli);
        var headPlan = HandEdit(cli, basePlan, "head.json", resources =>
        {
            resources.Remove(Resource(resources, "adb"));
            Resource(resources, "db-ingress")["inputs"]!["source"] = "0.0.0.0/0";
        });

        var (code, stdout, _) = await cli.RunAsync("diff", basePlan, headPlan);

        Assert.Equal(0, code);
        var deletes = stdout.IndexOf("### Deletes and replacements", StringComparison.Ordinal);
        var adb = stdout.IndexOf("**`-` delete** `oci:Database/autonomousDatabase:AutonomousDatabase` **adb**", StringComparison.Ordinal);
        var rules = stdout.IndexOf("### Changes that newly violate or newly satisfy a rule", StringComparison.Ordinal);
        Assert.True(deletes > 0 && adb > deletes && rules > adb, stdout);
    }

    [Fact]
    public async Task Plans_whose_stored_verdict_matches_the_rules_raise_no_warning()
    {
        using var cli = new CliRun();
        var basePlan = await PlanProd(cli);
        var (code, stdout, _) = await cli.RunAsync("diff", basePlan, basePlan, "--format", "text");
        Assert.Equal(0, code);
        Assert.DoesNotContain("disagrees", stdout);
    }
}
