using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Tests.EngineSide;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>
/// The pack's own defence against Kestrel losing the call after a large answer (dotnet/aspnetcore#53736): a client
/// with HTTP/2's default stream window, as the engine's Go client has, gets each large answer and then continues on a
/// fresh connection, while small answers keep the connection.
/// </summary>
public sealed class LargeAnswerGuardTests
{
    [Fact]
    public async Task After_a_large_answer_the_next_call_goes_over_a_fresh_connection_and_small_answers_keep_it()
    {
        await using var pack = await PackProcess.StartAsync();
        var connections = 0;
        using var channel = DefaultWindowChannel(pack.Port, () => Interlocked.Increment(ref connections));
        var client = new Analyzer.AnalyzerClient(HarnessChannel.Invoker(channel));

        await client.GetPluginInfoAsync(new Empty());
        await client.GetPluginInfoAsync(new Empty());
        Assert.Equal(1, connections);

        var info = await client.GetAnalyzerInfoAsync(new Empty());
        Assert.True(info.CalculateSize() > 65_535, "GetAnalyzerInfo no longer spans a default stream window: pick a larger answer");
        Assert.NotEmpty(info.Policies); // the large answer itself arrives whole

        var plugin = await client.GetPluginInfoAsync(new Empty());
        Assert.False(string.IsNullOrEmpty(plugin.Version));
        Assert.Equal(2, connections);
    }

    [Fact]
    public async Task A_default_window_client_gets_every_answer_of_many_large_then_small_exchanges()
    {
        // The exchange that hung a CI run: GetAnalyzerInfo (~70 KB) followed by a small call on the same channel.
        await using var pack = await PackProcess.StartAsync();
        using var channel = DefaultWindowChannel(pack.Port, () => { });
        var client = new Analyzer.AnalyzerClient(channel);
        for (var i = 0; i < 25; i++)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            Assert.NotEmpty((await client.GetAnalyzerInfoAsync(new Empty(), deadline: deadline)).Policies);
            Assert.False(string.IsNullOrEmpty((await client.GetPluginInfoAsync(new Empty(), deadline: deadline)).Version));
        }
    }

    /// <summary>Like the engine's client: the protocol's default windows; <paramref name="connected"/> runs per new connection.</summary>
    private static GrpcChannel DefaultWindowChannel(int port, Action connected) =>
        GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancel) =>
                {
                    connected();
                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await socket.ConnectAsync(context.DnsEndPoint, cancel);
                        return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            },
            MaxReceiveMessageSize = 400 * 1024 * 1024,
        });
}
