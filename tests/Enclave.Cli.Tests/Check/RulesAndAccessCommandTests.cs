using System.Text.Json;
using Enclave.Cli.Common;
using Enclave.Policy.Rules;

namespace Enclave.Cli.Tests.Check;

public class RulesAndAccessCommandTests
{
    [Fact]
    public async Task Rules_lists_the_whole_catalogue_in_every_format()
    {
        using var h = new CheckHarness();
        var (code, text, _) = await h.Run("rules");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.All(RuleCatalogue.All, r => Assert.Contains(r.Info.Id, text));
        Assert.Contains($"{RuleCatalogue.All.Length} rules", text);

        var (_, json, _) = await h.Run("rules", "--format", "json");
        var ids = JsonDocument.Parse(json).RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(RuleCatalogue.All.Select(r => r.Info.Id), ids);

        var (_, md, _) = await h.Run("rules", "--format", "markdown");
        Assert.StartsWith("# Isolation rules", md);
        Assert.Contains("| Id | Title | Severity | Enforcement | CIS v3.0 |", md);
        Assert.Contains("| [ENC-STO-001](#enc-sto-001) | Buckets are not public | critical | mandatory | 5.1.1 |", md);
        Assert.Contains("\n## ENC-STO-001\n", md.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Rules_rejects_formats_it_does_not_have()
    {
        using var h = new CheckHarness();
        Assert.Equal(ExitCodes.UsageOrConfig, (await h.Run("rules", "--format", "sarif")).Code);
    }

    [Fact]
    public async Task Access_tabulates_who_may_read_or_manage_the_data()
    {
        using var h = new CheckHarness();
        var (code, text, stderr) = await h.Run("access", "dev", "--state", CheckHarness.Fixture("compliant-export.json"));
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("group enclave-operators", text);
        Assert.Contains("::adb", text);
        // Not a terminal: one access path per line, never wrapped, so each line names resource, principal and statement.
        Assert.Contains(text.Split('\n'), line => line.Contains("::adb\t", StringComparison.Ordinal)
            && line.Contains("group enclave-operators", StringComparison.Ordinal) && line.Contains("allow", StringComparison.Ordinal));

        var (_, json, _) = await h.Run("access", "dev", "--state", CheckHarness.Fixture("compliant-export.json"), "--format", "json");
        var rows = JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("principal").GetString() == "group enclave-operators"
                                   && r.GetProperty("access").GetString() == "read"
                                   && r.GetProperty("resourceLabel").GetString()!.EndsWith("::adb"));
    }

    [Fact]
    public async Task Access_runs_the_stack_offline_without_a_file()
    {
        using var h = new CheckHarness();
        var (code, text, _) = await h.Run("access", "dev", "--format", "markdown");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("## Data access: dev", text);
        Assert.Equal(["dev"], h.Source.OfflineRuns);
    }

    [Fact]
    public async Task Access_for_an_unknown_stack_exits_2()
    {
        using var h = new CheckHarness();
        var (code, _, stderr) = await h.Run("access", "qa");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("unknown stack 'qa'", stderr);
    }
}
