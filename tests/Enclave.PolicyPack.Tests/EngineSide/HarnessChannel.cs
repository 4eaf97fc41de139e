using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>
/// The harness's gRPC channel to a pack. Two choices keep a known server bug from stalling the test host:
/// <list type="bullet">
/// <item>Kestrel (ASP.NET Core 10.0.12, dotnet/aspnetcore#53736) can lose the response that follows a response spanning
/// several stream windows: a WINDOW_UPDATE the client sends for the finished stream marks the pooled stream as scheduled,
/// and the next call reusing it never gets a frame. GetAnalyzerInfo answers ~70 KB, more than the 64 KB window a
/// client starts with, so the next call (ConfigureStack) hung once in a CI run (hang dump, 2026-12-07). A 16 MB initial
/// stream window means this client never sends a stream WINDOW_UPDATE for a response under 2 MB (it updates after an
/// eighth of the window), which removes the trigger.</item>
/// <item>Every call carries a deadline, so anything else that loses a response fails its test within minutes, naming
/// the call, instead of waiting for CI's ten-minute hang collector.</item>
/// </list>
/// </summary>
internal static class HarnessChannel
{
    public static readonly TimeSpan CallLimit = TimeSpan.FromMinutes(4);

    public static GrpcChannel Open(int port) => GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { InitialHttp2StreamWindowSize = 16 * 1024 * 1024 },
        MaxReceiveMessageSize = 400 * 1024 * 1024,
        MaxSendMessageSize = 400 * 1024 * 1024,
    });

    public static CallInvoker Invoker(GrpcChannel channel) => channel.Intercept(new DefaultDeadline(CallLimit));

    /// <summary>The call's own deadline, or one <paramref name="limit"/> from now.</summary>
    public static CallOptions WithDefaultDeadline(CallOptions options, TimeSpan limit) =>
        options.Deadline is null ? options.WithDeadline(DateTime.UtcNow + limit) : options;

    private sealed class DefaultDeadline(TimeSpan limit) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
            ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var options = WithDefaultDeadline(context.Options, limit);
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
        }
    }
}
