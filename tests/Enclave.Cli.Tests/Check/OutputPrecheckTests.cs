using Enclave.Cli.Common;
using Enclave.Cli.Tests.Inputs;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// An <c>--output</c> the report can never be written to (a folder, a path whose folder does not exist, a read-only
/// file) used to be refused only after the whole run: 10 s and more on a large state, for a typo. It is now refused
/// before any input is opened, with the writer's own exit code and line. The input here would fail to parse, so an
/// output error proves it was never read.
/// </summary>
public class OutputPrecheckTests
{
    public static TheoryData<string> Commands => new() { "check", "diff", "access", "plan" };

    // plan reads its --against base only after the plan is built: an error about the base proves the precheck was passed.
    private static string[] Args(string command, string input, string output, string repo = "") => command switch
    {
        "check" => ["check", "--preview-json", input, "--output", output],
        "diff" => ["diff", "--preview-json", input, "--output", output],
        "plan" => ["plan", "dev", "--against", input, "--output", output, "--repo", repo],
        _ => ["access", "dev", "--preview-json", input, "--output", output],
    };

    private static async Task<string> Refused(CheckHarness h, string command, string output, int expectedCode)
    {
        var input = h.Write("unreadable.json", "{ \"steps\": [ , this is not JSON");
        var (code, stdout, stderr) = await h.Run(Args(command, input, output, h.Repo));
        Assert.DoesNotContain("malformed JSON", stderr); // the input was never read
        Assert.Equal(expectedCode, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("enclave: error: --output ", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        return stderr;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_folder_is_refused_before_the_input_is_read(string command)
    {
        using var h = new CheckHarness();
        Assert.Contains("is a directory; expected a file path, or - for standard output", await Refused(h, command, h.Repo, ExitCodes.UsageOrConfig));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_missing_folder_is_refused_before_the_input_is_read(string command)
    {
        using var h = new CheckHarness();
        var output = Path.Combine(h.Repo, "no", "dir", "r.json");
        Assert.Contains($"directory {Path.Combine(h.Repo, "no", "dir")} does not exist", await Refused(h, command, output, ExitCodes.UsageOrConfig));
        Assert.False(Directory.Exists(Path.Combine(h.Repo, "no")), "the precheck creates nothing");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_read_only_file_is_refused_before_the_input_is_read_and_kept(string command)
    {
        if (OperatingSystem.IsWindows()) return;
        using var h = new CheckHarness();
        var output = h.Write("old-report.json", "old report");
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        Assert.Contains("is read-only; make it writable or remove it, or choose another file", await Refused(h, command, output, ExitCodes.InputUnreadable));
        Assert.Equal("old report", File.ReadAllText(output));
    }

    /// <summary>
    /// Item 2 of round 14: `-o` naming one of the run's own inputs was refused only once that input had been read, at
    /// the end of the run; an unreadable input got its own error first (and a long check ran for nothing). The precheck
    /// now knows the inputs: the report naming the (unreadable) input is refused before it is opened.
    /// </summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_output_naming_the_input_is_refused_before_the_input_is_read(string command)
    {
        using var h = new CheckHarness();
        var input = h.Write("unreadable.json", "{ \"steps\": [ , this is not JSON");
        var (code, stdout, stderr) = await h.Run(Args(command, input, input, h.Repo));
        Assert.Equal($"enclave: error: --output {input}: is the input {input} of this command, which the report would replace; " +
                     "expected another file, or - for standard output", stderr.TrimEnd('\n'));
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("", stdout);
        Assert.Equal("{ \"steps\": [ , this is not JSON", File.ReadAllText(input));
    }

    [Fact]
    public async Task An_output_onto_the_waiver_file_through_a_link_is_refused_before_the_artifact_is_read()
    {
        if (!SpecialFiles.Supported) return;
        using var h = new CheckHarness();
        var input = h.Write("unreadable.json", "{ \"steps\": [ , this is not JSON");
        var waivers = h.Write("waivers.yaml", "waivers: []\n");
        var link = SpecialFiles.LinkTo(Path.Combine(h.Repo, "report.sarif"), waivers);
        var (code, _, stderr) = await h.Run("check", "--preview-json", input, "--waivers", waivers, "--format", "sarif", "-o", link);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains($"is the input {waivers} of this command", stderr);
        Assert.Equal("waivers: []\n", File.ReadAllText(waivers));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("access")]
    [InlineData("plan")]
    [InlineData("diff")]
    public async Task An_output_onto_the_stack_inventory_is_refused(string command)
    {
        using var h = new CheckHarness();
        var input = h.Write("unreadable.json", "{ \"steps\": [ , this is not JSON");
        var inventory = h.Write("enclave-stacks.yaml", "stacks: [dev]\n");
        var args = Args(command, input, inventory, h.Repo);
        var (code, _, stderr) = await h.Run(command == "diff" ? [.. args, "--repo", h.Repo] : args);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains($"is the input {inventory} of this command", stderr);
        Assert.Equal("stacks: [dev]\n", File.ReadAllText(inventory));
    }

    [Fact]
    public async Task A_good_output_still_gets_the_input_error()
    {
        using var h = new CheckHarness();
        var input = h.Write("unreadable.json", "{ \"steps\": [ , this is not JSON");
        var output = Path.Combine(h.Repo, "report.json");
        var (code, _, stderr) = await h.Run("check", "--preview-json", input, "--output", output);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains("malformed JSON", stderr);
        Assert.False(File.Exists(output));
    }
}
