using Enclave.PolicyPack.Hosting;
using Enclave.PolicyPack.Tests.EngineSide;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>How a run ends: the engine cancels, or the engine goes away (the pack must not outlive it).</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task After_Cancel_the_pack_refuses_further_analysis()
    {
        var (graph, config) = await Stacks.PreviewAsync("dev");
        var requests = new EngineRequests(graph, config);
        await using var pack = await PackProcess.StartAsync();
        await pack.Client.ConfigureStackAsync(requests.ConfigureStack());

        await pack.Client.CancelAsync(new Empty());

        var e = await Assert.ThrowsAsync<RpcException>(async () => await pack.Client.AnalyzeAsync(requests.Analyze(requests.Registered.First())));
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
    }

    [Fact]
    public async Task The_pack_exits_by_itself_when_the_engine_is_gone()
    {
        await using var pack = await PackProcess.StartAsync();
        await pack.Client.GetPluginInfoAsync(new Empty());

        pack.Engine.Stop();

        var limit = EngineWatch.Interval * (EngineWatch.FailuresBeforeExit + 5);
        Assert.True(await pack.WaitForExitAsync(limit), $"the pack was still running {limit.TotalSeconds} s after the engine went away");
    }
}
