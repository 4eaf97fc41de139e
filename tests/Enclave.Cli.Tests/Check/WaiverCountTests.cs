using Enclave.Cli.Common;
using Enclave.Cli.Tests.Plan;
using Enclave.Policy.Inputs;
using Enclave.Policy.Waivers;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// Item 1 of issue 12, round 14: with the YAML size cap raised, a waiver file of 100k waivers was parsed and built
/// whole, every waiver judged, before anything bounded it. The count of waivers (<c>ENCLAVE_MAX_WAIVERS</c>, default
/// 10,000) is now enforced while the file is parsed: one line naming the file, the line of the first waiver over and
/// the limit, exit 2, nothing written. The variables are process-wide, so these run in the serial collection.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class WaiverCountTests
{
    private static string Exact(int count) => "waivers:\n" + string.Concat(Enumerable.Range(0, count)
        .Select(i => $"  - {{ rule: ENC-NET-004, urn: 'urn:pulumi:dev::p::a:b:C::r{i}', reason: r, expires: 2026-06-30 }}\n"));

    [Fact]
    public async Task A_hundred_thousand_waivers_under_a_raised_size_cap_are_refused_at_the_first_one_over()
    {
        using var h = new CheckHarness();
        var waivers = h.Write("waivers.yaml", Exact(100_000));
        var report = h.Write("report.json", "previous");
        var (code, stdout, stderr) = await h.RunWith(InputKind.YamlSizeVariable, "64M",
            "check", "--state", CheckHarness.Fixture("compliant-export.json"), "--stack", "dev", "--waivers", waivers, "--output", report);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // Line 1 is `waivers:`; waiver N is on line N + 1.
        Assert.Equal($"enclave: error: {waivers}:10002: a list holds more than 10000 items (a waiver file holds at most 10000 waivers; " +
                     "ENCLAVE_MAX_WAIVERS raises the limit)", line);
        Assert.Equal("previous", File.ReadAllText(report));
    }

    [Fact]
    public async Task The_waiver_count_is_set_by_its_variable_and_checked_at_start_up()
    {
        using var h = new CheckHarness();
        var waivers = h.Write("waivers.yaml", Exact(3));
        var state = CheckHarness.Fixture("compliant-export.json");
        var (code, _, stderr) = await h.RunWith(WaiverLoader.MaxWaiversVariable, "2", "check", "--state", state, "--stack", "dev", "--waivers", waivers);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains($"{waivers}:4: a list holds more than 2 items (a waiver file holds at most 2 waivers;", stderr);

        (code, _, stderr) = await h.RunWith(WaiverLoader.MaxWaiversVariable, "3", "check", "--state", state, "--stack", "dev", "--waivers", waivers);
        Assert.True(code is ExitCodes.Ok or ExitCodes.Violations, stderr);

        (code, _, stderr) = await h.RunWith(WaiverLoader.MaxWaiversVariable, "many", "check", "--state", state, "--stack", "dev");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("ENCLAVE_MAX_WAIVERS=many: expected a positive whole number", stderr);
    }
}
