using Enclave.PolicyPack.Hosting;
using Enclave.PolicyPack.Tests.EngineSide;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>
/// The harness's own channel (<see cref="HarnessChannel"/>) keeps clear of the Kestrel bug that once stalled a CI run:
/// the pack must never receive a stream-level WINDOW_UPDATE from it, and no call may wait without a deadline.
/// </summary>
public sealed class HarnessChannelTests
{
    [Fact]
    public async Task The_harness_never_sends_a_stream_window_update_for_the_pack_s_largest_routine_answer()
    {
        // Kestrel's frame trace on the pack's stderr shows every frame it receives.
        var pack = await PackProcess.StartAsync(StartPath.LanguageHost,
            new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.AspNetCore.Server.Kestrel.Http2"] = "Trace" });
        var size = 0;
        var exited = false;
        RpcException? failed = null;
        try
        {
            for (var i = 0; i < 5; i++) size = (await pack.Client.GetAnalyzerInfoAsync(new Empty())).CalculateSize();
            await pack.Client.GetPluginInfoAsync(new Empty());
            // A killed pack loses the trace lines its console logger still queues (seen once under heavy load), which
            // would make the assertion below pass on a partial trace: let it stop by itself, as it does when the
            // engine is gone, so the host flushes its logs.
            pack.Engine.Stop();
            // Bounded by the slowest way the pack may notice: on a loaded runner the checks of the closed port can go
            // unanswered (each waits its timeout) rather than be refused, and the pack then stops after more of them.
            exited = await pack.WaitForExitAsync(EngineWatch.Interval * 30
                + (EngineWatch.Interval + EngineWatch.ProbeTimeout) * EngineAbsence.UnansweredBeforeExit);
        }
        catch (RpcException e)
        {
            failed = e;
        }
        finally
        {
            await pack.DisposeAsync();
        }
        // A call that fails says why in the pack's own words (it once failed on a loaded CI runner with only "Broken pipe").
        Assert.True(failed is null, $"a call failed: {failed?.Status}; the pack wrote:\n{Tail(await pack.StandardError)}");
        var frames = (await pack.StandardError).Split('\n').Where(l => l.Contains(" frame for stream ID ", StringComparison.Ordinal)).ToList();

        Assert.True(exited, "the pack did not stop by itself after the engine went away, so its trace may be cut short");
        Assert.True(size > 65_535, $"GetAnalyzerInfo answers {size} bytes: no longer more than a default stream window, so this test shows nothing");
        // The trace is on and complete: one request HEADERS frame per call made above.
        Assert.True(frames.Count(l => l.Contains("received HEADERS frame", StringComparison.Ordinal)) >= 6,
            $"the trace shows fewer request HEADERS frames than the 6 calls made:\n{string.Join('\n', frames)}");
        Assert.DoesNotContain(frames, l => l.Contains("received WINDOW_UPDATE frame", StringComparison.Ordinal) && !l.Contains("stream ID 0 ", StringComparison.Ordinal));
    }

    private static string Tail(string text) =>
        string.Join('\n', text.Split('\n').Where(l => !l.Contains(" frame for stream ID ", StringComparison.Ordinal)).TakeLast(40));

    [Fact]
    public void A_harness_call_without_a_deadline_gets_one_and_an_explicit_one_is_kept()
    {
        var before = DateTime.UtcNow;
        var given = HarnessChannel.WithDefaultDeadline(new CallOptions(), HarnessChannel.CallLimit).Deadline;
        Assert.NotNull(given);
        Assert.InRange(given!.Value, before + HarnessChannel.CallLimit, DateTime.UtcNow + HarnessChannel.CallLimit);

        var own = DateTime.UtcNow.AddSeconds(3);
        Assert.Equal(own, HarnessChannel.WithDefaultDeadline(new CallOptions(deadline: own), HarnessChannel.CallLimit).Deadline);
    }
}
