using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// Issue 12, item 2: SIGTERM while a report was being written left its half-written temporary file
/// (<c>.report.json.PID.GUID.tmp</c>, tens of megabytes) beside the target, and SIGINT was swallowed by
/// System.CommandLine's cancellation (the run went on). The handler (<see cref="Interruption"/>) removes what is in
/// flight, says so in one line and exits 128 + the signal; a report it interrupted is never moved into place.
/// </summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("enclave-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_signal_removes_the_report_in_flight_exits_128_plus_its_number_and_nothing_is_moved_into_place_after_it()
    {
        var flight = new Interruption();
        var temp = Path.Combine(_dir, ".report.json.1.tmp");
        File.WriteAllText(temp, "{ \"half\":");
        flight.Started(temp);
        var stderr = new StringWriter();
        int? exited = null;
        flight.Interrupt(15, "SIGTERM", stderr, code => exited = code);

        Assert.Equal(143, exited);
        Assert.False(File.Exists(temp));
        Assert.Equal("enclave: error: interrupted by SIGTERM; a report not yet complete was discarded\n", stderr.ToString().ReplaceLineEndings("\n"));
        var published = false;
        var e = Assert.Throws<CliException>(() => flight.Finish(temp, () => published = true));
        Assert.False(published);
        Assert.Equal(143, e.ExitCode);
        Assert.Throws<CliException>(() => flight.Started(Path.Combine(_dir, ".other.tmp")));
    }

    [Fact]
    public void A_second_signal_is_not_a_second_line()
    {
        // `timeout` (and CI runners) signal the process and then its group: the same SIGTERM arrived twice.
        var flight = new Interruption();
        var stderr = new StringWriter();
        var exits = new List<int>();
        flight.Interrupt(15, "SIGTERM", stderr, exits.Add);
        flight.Interrupt(15, "SIGTERM", stderr, exits.Add);
        flight.Interrupt(2, "SIGINT", stderr, exits.Add);
        Assert.Equal([143], exits);
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_report_moved_into_place_before_the_signal_is_kept()
    {
        var flight = new Interruption();
        var temp = Path.Combine(_dir, ".report.json.2.tmp");
        var target = Path.Combine(_dir, "report.json");
        File.WriteAllText(temp, "whole");
        flight.Started(temp);
        flight.Finish(temp, () => File.Move(temp, target));
        flight.Interrupt(2, "SIGINT", TextWriter.Null, _ => { });
        Assert.Equal("whole", File.ReadAllText(target));
    }
    [Fact]
    public void A_temporary_report_left_by_a_killed_run_is_removed_by_the_next_write_and_a_live_runs_is_kept()
    {
        // SIGKILL runs no handler: the hidden temporary beside the report stayed for good (tens of megabytes each).
        var target = Path.Combine(_dir, "report.json");
        var dead = Path.Combine(_dir, $".report.json.999999999.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(_dir, $".report.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var other = Path.Combine(_dir, $".other.json.999999999.{Guid.NewGuid():N}.tmp");
        foreach (var f in new[] { dead, live, other }) File.WriteAllText(f, "{ \"half\":");
        OutputTarget.Write(target, TextWriter.Null, w => w.Write("{}"));
        Assert.Equal("{}", File.ReadAllText(target));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
    }
}
