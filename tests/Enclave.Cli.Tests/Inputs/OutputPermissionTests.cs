using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Issue 12, item 2: `-o` onto a read-only file. The report is moved into place with a rename, which needs only the
/// directory's permission, so it replaced a file mode 0444 (for any user) that `>` or `cp` would refuse, and the new
/// report came with the default mode: a private (0600) report became world-readable.
/// </summary>
public sealed class OutputPermissionTests : IDisposable
{
    private readonly CheckHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_read_only_file_is_refused_in_one_line_and_left_as_it_is_also_through_a_link()
    {
        if (OperatingSystem.IsWindows()) return;
        var target = _h.Write("report.txt", "kept");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var link = Path.Combine(_h.Repo, "link.txt");
        File.CreateSymbolicLink(link, target);
        foreach (var output in new[] { target, link })
        {
            var (code, stdout, stderr) = await _h.Run("rules", "-o", output);
            Assert.Equal(ExitCodes.InputUnreadable, code);
            Assert.Equal("", stdout);
            Assert.Equal($"enclave: error: --output {output}: is read-only; make it writable or remove it, or choose another file", stderr.TrimEnd('\n'));
            Assert.Equal("kept", File.ReadAllText(target));
        }
        Assert.Empty(Directory.GetFiles(_h.Repo, ".*.tmp"));
    }

    [Fact]
    public async Task A_replaced_report_keeps_the_permissions_of_the_one_it_replaces()
    {
        if (OperatingSystem.IsWindows()) return;
        var target = _h.Write("report.json", "old");
        const UnixFileMode privateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(target, privateMode);
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "-o", target);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("\"rules\": [", File.ReadAllText(target));
        Assert.Equal(privateMode, File.GetUnixFileMode(target));
    }
}
