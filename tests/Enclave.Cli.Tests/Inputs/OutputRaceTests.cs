using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// <c>--output</c> is judged by its resolved path (no committed link out of the checkout, not an input, not a
/// Pulumi file), then written. Another process can swap a folder on that path, or the file itself, for a symbolic
/// link or a FIFO in between: the write then landed wherever the new link pointed (outside the checkout), or hung
/// forever opening a FIFO. The write acts by descriptor in the folder judged (<see cref="OutputDirectory"/>): a swap
/// is refused, exit 3, with nothing written anywhere; a swap that changes nothing a reader cares about (another
/// run's report appearing) still succeeds. The hook runs where a racing process would act.
/// </summary>
public sealed class OutputRaceTests : OutsideCheckoutHarness
{
    private Task<(int Code, string Out, string Err)> RunSwapping(Action swap, string output)
    {
        // Task.Run: an open that blocks (a FIFO swapped in) must not block the test itself; the hook flows with it.
        return SpecialFiles.Bounded(Task.Run(async () =>
        {
            using var _ = OutputTarget.BetweenResolveAndWrite(_ => swap());
            return await _h.Run("rules", "--format", "json", "-o", output);
        }));
    }

    [Fact]
    public async Task A_folder_swapped_for_a_link_out_of_the_checkout_after_the_checks_receives_nothing()
    {
        if (!SpecialFiles.Supported) return;
        var reports = Directory.CreateDirectory(InRepo("reports")).FullName;
        var (code, _, stderr) = await RunSwapping(() =>
        {
            Directory.Move(reports, reports + ".old");
            File.CreateSymbolicLink(reports, _outside);
        }, Path.Combine(reports, "rules.json"));
        Assert.Equal(3, code);
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("changed while the report was being written", stderr);
    }

    [Fact]
    public async Task A_fifo_swapped_for_a_link_to_a_file_outside_is_not_written_through()
    {
        if (!SpecialFiles.Supported) return;
        var pipe = SpecialFiles.Fifo(InRepo("pipe"));
        var victim = Path.Combine(_outside, "profile");
        File.WriteAllText(victim, "precious");
        var (code, _, stderr) = await RunSwapping(() =>
        {
            File.Delete(pipe);
            File.CreateSymbolicLink(pipe, victim);
        }, pipe);
        Assert.Equal(3, code);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Contains("changed while the report was being written", stderr);
    }

    [Fact]
    public async Task A_report_file_swapped_for_a_fifo_after_the_checks_is_refused_at_once_not_waited_on()
    {
        if (!SpecialFiles.Supported) return;
        var report = _h.Write("rules.json", "old report");
        var (code, _, stderr) = await RunSwapping(() =>
        {
            File.Delete(report);
            SpecialFiles.Fifo(report);
        }, report);
        Assert.Equal(3, code);
        Assert.Contains("changed while the report was being written", stderr);
        Assert.Empty(Directory.GetFiles(_h.Repo, ".rules.json.*.tmp"));
    }

    [Fact]
    public async Task A_report_file_swapped_for_a_link_after_the_checks_leaves_the_link_target_alone()
    {
        if (!SpecialFiles.Supported) return;
        var report = _h.Write("rules.json", "old report");
        var victim = Path.Combine(_outside, "profile");
        File.WriteAllText(victim, "precious");
        var (code, _, _) = await RunSwapping(() =>
        {
            File.Delete(report);
            File.CreateSymbolicLink(report, victim);
        }, report);
        Assert.Equal(3, code);
        Assert.Equal("precious", File.ReadAllText(victim));
    }

    [Fact]
    public async Task Another_runs_report_appearing_after_the_checks_is_replaced_as_usual()
    {
        if (!SpecialFiles.Supported) return;
        var report = InRepo("rules.json");
        var (code, _, stderr) = await RunSwapping(() => File.WriteAllText(report, "a concurrent run's report"), report);
        Assert.True(code == 0, stderr);
        Assert.Contains("\"rules\": [", File.ReadAllText(report));
        Assert.Empty(Directory.GetFiles(_h.Repo, ".rules.json.*.tmp"));
    }
}
