using Enclave.Cli.Common;
using Enclave.Cli.Tests.Plan;
using Enclave.Policy.Waivers;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// `enclave check --waivers` under the URN-glob work budget (<c>ENCLAVE_MAX_WAIVER_WORK</c>): globs × findings × URN
/// length was unbounded. The variable is process-wide, so these run in the serial collection.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class WaiverWorkBudgetTests
{
    private static string Globs(int count) => "waivers:\n" + string.Concat(Enumerable.Range(0, count)
        .Select(i => $"  - {{ rule: ENC-NET-004, urn: '*::nothing-{i}', reason: r, expires: 2026-06-30 }}\n"));

    [Fact]
    public async Task Over_the_glob_budget_check_fails_in_one_line_and_writes_nothing_within_it_the_report_is_unchanged()
    {
        using var h = new CheckHarness();
        var state = CheckHarness.Fixture("compliant-export.json");
        var waivers = h.Write("waivers.yaml", Globs(100));
        var (code, unlimited, stderr) = await h.RunWith(GlobWorkBudget.Variable, null, "check", "--state", state, "--stack", "dev", "--waivers", waivers, "--format", "json");
        var (ample, within, _) = await h.RunWith(GlobWorkBudget.Variable, "100000000", "check", "--state", state, "--stack", "dev", "--waivers", waivers, "--format", "json");
        Assert.Equal(code, ample);
        Assert.Equal(unlimited, within);

        var report = Path.Combine(h.Repo, "report.json");
        File.WriteAllText(report, "previous");
        (code, var stdout, stderr) = await h.RunWith(GlobWorkBudget.Variable, "1000", "check", "--state", state, "--stack", "dev", "--waivers", waivers, "--output", report);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"enclave: error: waiver file {waivers}: URN globs would take more than 1,000 steps to match against the " +
            "resources' URNs (a step is a URN character read for one glob; fewer globs, exact URNs or shorter URNs cost less; " +
            "set ENCLAVE_MAX_WAIVER_WORK to raise it)", line);
        Assert.Equal("previous", File.ReadAllText(report));
    }

    [Fact]
    public async Task A_glob_budget_that_is_not_a_count_is_a_usage_error()
    {
        using var h = new CheckHarness();
        var (code, _, stderr) = await h.RunWith(GlobWorkBudget.Variable, "lots", "check", "--state", CheckHarness.Fixture("compliant-export.json"), "--stack", "dev");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("ENCLAVE_MAX_WAIVER_WORK=lots: expected a positive whole number", stderr);
    }
}
