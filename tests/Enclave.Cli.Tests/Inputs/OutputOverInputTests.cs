using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Round 3 of issue 12: `--output` naming a file the same command reads replaced that input with the report
/// (`check --preview-json p.json -o p.json` destroyed the preview; `-o` onto the waiver file destroyed the waivers),
/// and `-o ""` crashed with exit 70. Both are usage errors now, and the input is left as it was.
/// </summary>
public sealed class OutputOverInputTests : IDisposable
{
    private readonly CheckHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Preview() => _h.Write("preview.json", File.ReadAllBytes(CheckHarness.Fixture("compliant-preview.json", Here())));

    private static string Here([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Check", "CheckHarness.cs");

    [Fact]
    public async Task Output_onto_the_artifact_being_checked_is_refused_and_the_artifact_survives()
    {
        var preview = Preview();
        var before = File.ReadAllBytes(preview);

        var (code, stdout, stderr) = await _h.Run("check", "--preview-json", preview, "--format", "json", "-o", preview);

        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("", stdout);
        Assert.Equal($"enclave: error: --output {preview}: is the input {preview} of this command, which the report would replace; expected another file, or - for standard output", stderr.TrimEnd('\n'));
        Assert.Equal(before, File.ReadAllBytes(preview));
    }

    [Fact]
    public async Task Output_onto_the_waiver_file_through_a_link_or_a_hard_link_is_refused()
    {
        if (!SpecialFiles.Supported) return;
        var preview = Preview();
        var waivers = _h.Write("waivers.yaml", "waivers: []\n");
        var symlink = SpecialFiles.LinkTo(Path.Combine(_h.Repo, "report.sarif"), waivers);
        var hardlink = Path.Combine(_h.Repo, "hard.sarif");
        Assert.Equal(0, link(waivers, hardlink));

        foreach (var output in new[] { symlink, hardlink })
        {
            var (code, _, stderr) = await _h.Run("check", "--preview-json", preview, "--waivers", waivers, "--format", "sarif", "-o", output);
            Assert.True(code == ExitCodes.UsageOrConfig, stderr);
            Assert.Contains($"is the input {waivers} of this command", stderr);
            Assert.Equal("waivers: []\n", File.ReadAllText(waivers));
        }
    }

    [Fact]
    public async Task Output_beside_the_inputs_is_still_written()
    {
        var preview = Preview();
        var report = Path.Combine(_h.Repo, "report.json");

        var (code, _, stderr) = await _h.Run("check", "--preview-json", preview, "--format", "json", "-o", report);

        Assert.True(code is 0 or 1, stderr);
        Assert.StartsWith("{", File.ReadAllText(report));
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int link(string existing, string created);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_output_path_is_a_usage_error_not_an_internal_error(string output)
    {
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "-o", output);

        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.StartsWith($"enclave: error: --output '{output}': expected a file path, or - for standard output", stderr);
    }
}
