using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// An <c>--output</c> the report can never be written to (a folder, a path whose folder does not exist, a read-only
/// file) used to be refused only after the whole run: 10 s and more on a large state, for a typo. It is now refused
/// before any input is opened, with the writer's own exit code and line. The input here would fail to parse, so an
/// output error proves it was never read.
/// </summary>
public class OutputPrecheckTests
{
    public static TheoryData<string> Commands => new() { "check", "diff", "access" };

    private static string[] Args(string command, string input, string output) => command switch
    {
        "check" => ["check", "--preview-json", input, "--output", output],
        "diff" => ["diff", "--preview-json", input, "--output", output],
        _ => ["access", "dev", "--preview-json", input, "--output", output],
    };

    private static async Task<string> Refused(CheckHarness h, string command, string output, int expectedCode)
    {
        var input = h.Write("unreadable.json", "{ \"steps\": [ , this is not JSON");
        var (code, stdout, stderr) = await h.Run(Args(command, input, output));
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
