using Pulumirpc;

namespace Pulumi;

/// <summary>The engine service (<c>pulumirpc.Engine</c> at PULUMI_ENGINE): the program's log sink.</summary>
internal sealed class GrpcEngine : IEngine
{
    private readonly Engine.EngineClient _client;

    public GrpcEngine(string address)
    {
        _client = new Engine.EngineClient(GrpcChannels.For(address));
    }

    // Failures surface to EngineLogger, which turns them into a LogException (printed to stderr, exit 1).
    public async Task LogAsync(LogRequest request)
        => await _client.LogAsync(request).ResponseAsync.ConfigureAwait(false);
}
