using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;

namespace Pulumi;

/// <summary>
/// One gRPC channel per engine address for the life of the process (channels are expensive and multiplex
/// any number of calls). The engine listens on plain HTTP/2 (h2c) at <c>host:port</c>.
/// </summary>
internal static class GrpcChannels
{
    /// <summary>Resource property bags can be large (policies, certificates): the official SDK allows 400 MiB.</summary>
    internal const int MaxMessageSize = 400 * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> Channels = new();

    public static GrpcChannel For(string address)
        => Channels.GetOrAdd(address, static a => new Lazy<GrpcChannel>(() => Create(a))).Value;

    /// <summary>The URI for an engine address, or null when it is not <c>host:port</c>.</summary>
    public static Uri? ToUri(string address)
        => Uri.TryCreate("http://" + address, UriKind.Absolute, out var uri)
           && uri.Host.Length > 0
           && address.EndsWith(":" + uri.Port, StringComparison.Ordinal)
           && uri.AbsolutePath == "/"
            ? uri
            : null;

    private static GrpcChannel Create(string address)
    {
        var uri = ToUri(address) ?? throw new ArgumentException($"'{address}' is not a host:port address", nameof(address));
        return GrpcChannel.ForAddress(uri, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            MaxReceiveMessageSize = MaxMessageSize,
            MaxSendMessageSize = MaxMessageSize,
            HttpHandler = new SocketsHttpHandler
            {
                // Registrations stay open while the engine creates the resource: never queue behind a
                // server's per-connection stream limit.
                EnableMultipleHttp2Connections = true,
            },
            DisposeHttpClient = true,
        });
    }
}
