using Enclave.Cli.Common;
using Enclave.Cli.Tests.Plan;
using Enclave.Policy.Reports;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// `enclave access --state` under its work budget (<c>ENCLAVE_MAX_ACCESS_WORK</c>). The variable is process-wide, so
/// these run in the serial collection rather than beside other access runs.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class AccessWorkBudgetTests
{
    [Fact]
    public async Task Over_the_work_budget_fails_in_one_line_and_writes_nothing_within_it_the_table_is_unchanged()
    {
        using var h = new CheckHarness();
        var state = CheckHarness.Fixture("compliant-export.json");
        var (code, unlimited, stderr) = await h.RunWith(AccessWorkBudget.Variable, null, "access", "dev", "--state", state, "--format", "json");
        Assert.True(code == ExitCodes.Ok, stderr);

        // A budget that is ample but finite: the same table, byte for byte.
        (code, var within, stderr) = await h.RunWith(AccessWorkBudget.Variable, "100000", "access", "dev", "--state", state, "--format", "json");
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal(unlimited, within);

        // Too small: exit 3, one line naming the file, the limit and the variable; the old report is untouched.
        var report = Path.Combine(h.Repo, "access.json");
        File.WriteAllText(report, "previous");
        (code, var stdout, stderr) = await h.RunWith(AccessWorkBudget.Variable, "5", "access", "dev", "--state", state, "--format", "json", "--output", report);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"enclave: error: {state}: the access table would take more than 5 statement evaluations (a statement " +
            "weighed against a data-bearing resource; set ENCLAVE_MAX_ACCESS_WORK to raise it)", line);
        Assert.Equal("previous", File.ReadAllText(report));
    }

    [Fact]
    public async Task A_work_budget_that_is_not_a_count_is_a_usage_error()
    {
        using var h = new CheckHarness();
        var (code, _, stderr) = await h.RunWith(AccessWorkBudget.Variable, "0", "access", "dev", "--state", CheckHarness.Fixture("compliant-export.json"));
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("ENCLAVE_MAX_ACCESS_WORK=0: expected a positive whole number", stderr);
    }
}
