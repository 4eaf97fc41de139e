using System.Runtime.CompilerServices;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Common;

/// <summary>README: 3 = unreadable input, 2 = usage or configuration error. A binary waiver file is unreadable.</summary>
public class WaiverExitCodeTests
{
    private static readonly string Compliant = CheckFixture("compliant-preview.json");

    // The check tests' fixtures live next to CheckHarness (Check/Fixtures), not in this folder.
    private static string CheckFixture(string name, [CallerFilePath] string here = "") =>
        CheckHarness.Fixture(name, Path.Combine(Path.GetDirectoryName(here)!, "..", "Check", "CheckHarness.cs"));

    [Fact]
    public async Task A_binary_waiver_file_exits_3_like_a_binary_json_file()
    {
        using var h = new CheckHarness();
        var waivers = h.Write("w.yaml", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);

        var (code, _, stderr) = await h.Run("check", "--preview-json", Compliant, "--waivers", waivers);

        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.StartsWith($"enclave: error: {waivers}: binary content", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readable_but_invalid_waiver_file_still_exits_2()
    {
        using var h = new CheckHarness();
        var waivers = h.Write("w.yaml", "waivers:\n  - { rule: ENC-NET-002, urn: '*', expires: 2026-12-31 }\n");

        var (code, _, _) = await h.Run("check", "--preview-json", Compliant, "--waivers", waivers);

        Assert.Equal(ExitCodes.UsageOrConfig, code);
    }
}
