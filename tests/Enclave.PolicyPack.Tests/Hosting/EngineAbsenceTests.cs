using Enclave.PolicyPack.Hosting;

namespace Enclave.PolicyPack.Tests.Hosting;

/// <summary>
/// When the pack decides its engine is gone. Stopping while the engine still runs fails the user's preview (a CI run
/// on a loaded runner once lost the pack this way: three slow checks in a row), staying forever leaks a process.
/// </summary>
public sealed class EngineAbsenceTests
{
    private static int ChecksUntilGone(params EngineProbe[] probes)
    {
        var absence = new EngineAbsence();
        for (var i = 0; i < probes.Length; i++)
            if (absence.Record(probes[i])) return i + 1;
        return -1;
    }

    [Fact]
    public void Refused_connections_end_the_pack_after_three_in_a_row()
    {
        Assert.Equal(3, ChecksUntilGone(EngineProbe.Refused, EngineProbe.Refused, EngineProbe.Refused, EngineProbe.Refused));
    }

    [Fact]
    public void Slow_checks_on_a_busy_machine_do_not_end_the_pack()
    {
        var busy = Enumerable.Repeat(EngineProbe.Unanswered, EngineAbsence.UnansweredBeforeExit - 1)
            .Append(EngineProbe.Accepted)
            .Concat(Enumerable.Repeat(EngineProbe.Unanswered, EngineAbsence.UnansweredBeforeExit - 1))
            .ToArray();
        Assert.Equal(-1, ChecksUntilGone(busy));
    }

    [Fact]
    public void An_engine_that_never_answers_again_still_ends_the_pack()
    {
        var silent = Enumerable.Repeat(EngineProbe.Unanswered, EngineAbsence.UnansweredBeforeExit + 5).ToArray();
        Assert.Equal(EngineAbsence.UnansweredBeforeExit, ChecksUntilGone(silent));
    }

    [Fact]
    public void A_busy_spell_between_refusals_does_not_bring_the_engine_back()
    {
        Assert.Equal(4, ChecksUntilGone(EngineProbe.Refused, EngineProbe.Unanswered, EngineProbe.Refused, EngineProbe.Refused));
    }

    [Fact]
    public void An_accepted_connection_starts_the_count_over()
    {
        Assert.Equal(-1, ChecksUntilGone(EngineProbe.Refused, EngineProbe.Refused, EngineProbe.Accepted, EngineProbe.Refused, EngineProbe.Refused));
    }
}
