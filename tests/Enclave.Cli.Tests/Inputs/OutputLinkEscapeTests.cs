using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// A pull request commits a symbolic link where CI writes its report (<c>-o results.sarif</c>): the report, whose
/// names the pull request also chose, replaced whatever file outside the repository the link named (a shell profile,
/// another job's script). A link in the checkout may only lead to a place inside it; links elsewhere, and links to
/// standard output or a device (written through, never replaced), keep working (<see cref="OutputTargetTests"/>).
/// </summary>
public sealed class OutputLinkEscapeTests : OutsideCheckoutHarness
{
    [Fact]
    public async Task A_committed_link_to_a_file_outside_the_repository_is_refused_and_the_file_kept()
    {
        var victim = Path.Combine(_outside, "profile");
        File.WriteAllText(victim, "precious");
        var link = SpecialFiles.LinkTo(InRepo("results.json"), victim);
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "-o", link);
        Assert.Equal(2, code);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains($"--output {link}: the symbolic link {link} in {_h.Repo} leads out of it", stderr);
        Assert.Empty(Directory.GetFiles(_outside, "*.tmp"));
    }

    [Fact]
    public async Task A_committed_folder_link_out_of_the_repository_does_not_receive_a_new_report()
    {
        var folder = SpecialFiles.LinkTo(InRepo("reports"), _outside);
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "-o", Path.Combine(folder, "rules.json"));
        Assert.Equal(2, code);
        Assert.Contains("leads out of it", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
    }

    [Fact]
    public async Task A_parent_step_after_a_linked_folder_is_followed_as_the_kernel_follows_it()
    {
        // reports -> OUTSIDE/deep; latest.json -> reports/../victim reads as REPO/victim, but the kernel goes to OUTSIDE/victim.
        Directory.CreateDirectory(Path.Combine(_outside, "deep"));
        var victim = Path.Combine(_outside, "victim");
        File.WriteAllText(victim, "precious");
        SpecialFiles.LinkTo(InRepo("reports"), Path.Combine(_outside, "deep"));
        var link = SpecialFiles.LinkTo(InRepo("latest.json"), "reports/../victim");
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "-o", link);
        Assert.Equal(2, code);
        Assert.Contains("leads out of it", stderr);
        Assert.Equal("precious", File.ReadAllText(victim));
    }

    [Fact]
    public async Task A_link_that_stays_inside_the_repository_is_still_followed()
    {
        Directory.CreateDirectory(InRepo("out"));
        var link = SpecialFiles.LinkTo(InRepo("latest.json"), "out/rules.json");
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "-o", link);
        Assert.True(code == 0, stderr);
        Assert.Contains("\"rules\": [", File.ReadAllText(InRepo("out/rules.json")));
    }

    [Fact]
    public async Task A_link_outside_any_checkout_is_the_users_own_and_is_followed()
    {
        var link = SpecialFiles.LinkTo(Path.Combine(_outside, "latest.json"), InRepo("rules.json"));
        var (code, _, stderr) = await _h.Run("rules", "--format", "json", "-o", link);
        Assert.True(code == 0, stderr);
        Assert.Contains("\"rules\": [", File.ReadAllText(InRepo("rules.json")));
    }

    [Fact]
    public async Task A_committed_link_to_a_fifo_or_device_outside_the_repository_is_not_written_through()
    {
        if (!SpecialFiles.Supported) return;
        // Another job's control pipe: before, the report was written into it (the writer waited for its reader).
        var fifo = SpecialFiles.Fifo(Path.Combine(_outside, "control.fifo"));
        var link = SpecialFiles.LinkTo(InRepo("results.sarif"), fifo);
        var (code, _, stderr) = await SpecialFiles.Bounded(_h.Run("rules", "--format", "json", "-o", link));
        Assert.Equal(2, code);
        Assert.Contains($"--output {link}: the symbolic link {link} in {_h.Repo} leads out of it", stderr);
        var device = SpecialFiles.LinkTo(InRepo("disk.json"), "/dev/full");
        (code, _, stderr) = await SpecialFiles.Bounded(_h.Run("rules", "--format", "json", "-o", device));
        Assert.Equal(2, code);
        Assert.Contains("leads out of it", stderr);
    }
}
