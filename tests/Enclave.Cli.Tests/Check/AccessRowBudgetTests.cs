using System.Text.Json;
using System.Text.Json.Nodes;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Plan;
using Enclave.Policy.Reports;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// `enclave access --state` under its row budget (<c>ENCLAVE_MAX_ACCESS_ROWS</c>). The variable is process-wide, so
/// these run in the serial collection rather than beside other access runs.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class AccessRowBudgetTests
{
    /// <summary>The compliant export with its enclave compartment detached (parent nowhere) and 20 statements about other compartments.</summary>
    private static string DetachedExport()
    {
        var doc = JsonNode.Parse(File.ReadAllText(CheckHarness.Fixture("compliant-export.json")))!;
        foreach (var r in doc["deployment"]!["resources"]!.AsArray())
        {
            var urn = r!["urn"]!.GetValue<string>();
            if (urn.EndsWith("Compartment::enclave", StringComparison.Ordinal))
                r["inputs"]!["compartmentId"] = "ocid1.compartment.oc1..nowhere";
            if (urn.EndsWith("Policy::root-policy", StringComparison.Ordinal))
                for (var i = 0; i < 20; i++)
                    r["inputs"]!["statements"]!.AsArray().Add($"allow group outsiders-{i} to manage all-resources in compartment elsewhere-{i}");
        }
        return doc.ToJsonString();
    }

    [Fact]
    public async Task A_detached_tree_over_the_row_budget_fails_in_one_line_and_writes_nothing()
    {
        using var h = new CheckHarness();
        var state = h.Write("detached.json", DetachedExport());
        var (code, json, stderr) = await h.RunWith(AccessRowBudget.Variable, null, "access", "dev", "--state", state, "--format", "json");
        Assert.True(code == ExitCodes.Ok, stderr);
        var rows = JsonDocument.Parse(json).RootElement.GetProperty("rows").GetArrayLength();
        Assert.True(rows > 20 * 10, $"{rows} rows: every statement should reach every resource under the detached compartment");

        // Exactly the budget: the whole table.
        var report = Path.Combine(h.Repo, "access.json");
        (code, _, stderr) = await h.RunWith(AccessRowBudget.Variable, rows.ToString(), "access", "dev", "--state", state, "--format", "json", "--output", report);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal(rows, JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("rows").GetArrayLength());

        // One row less: exit 3, one line naming the file, the limit and how to raise it; the old report is untouched.
        var before = File.ReadAllText(report);
        (code, var stdout, stderr) = await h.RunWith(AccessRowBudget.Variable, (rows - 1).ToString(), "access", "dev", "--state", state, "--format", "json", "--output", report);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"enclave: error: {state}: the access table would exceed the {(rows - 1).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}-row limit", line);
        Assert.Contains("set ENCLAVE_MAX_ACCESS_ROWS to raise it", line);
        Assert.Equal(before, File.ReadAllText(report));
        Assert.Single(Directory.GetFiles(h.Repo, "access*"));
    }

    [Fact]
    public async Task A_row_budget_that_is_not_a_count_is_a_usage_error()
    {
        using var h = new CheckHarness();
        var (code, _, stderr) = await h.RunWith(AccessRowBudget.Variable, "lots", "access", "dev", "--state", CheckHarness.Fixture("compliant-export.json"));
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("ENCLAVE_MAX_ACCESS_ROWS=lots: expected a positive whole number", stderr);
    }
}
