using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Connections.Features;

namespace Enclave.PolicyPack.Hosting;

/// <summary>
/// Keeps the engine's next call off a connection on which Kestrel may lose it. Kestrel (ASP.NET Core 10.0.12,
/// dotnet/aspnetcore#53736, open) can drop the answer to a call that follows an answer large enough for the client to
/// send a stream-level WINDOW_UPDATE for it: when that update arrives after the answer is complete, the pooled stream
/// stays marked as scheduled, and the next call that reuses it never gets a frame (one of our CI runs hung so on
/// <c>ConfigureStack</c> after the 70 KB <c>GetAnalyzerInfo</c>). The engine's Go client sends a stream update once it
/// has read a quarter of its 64 KB window, and cannot be configured otherwise, so after any answer above
/// <see cref="Bytes"/> the pack asks Kestrel to close the connection gracefully (HTTP/2 GOAWAY): the answer and every
/// call already started still complete, and the client opens a fresh connection, with fresh streams, for the next call.
/// </summary>
internal static class LargeAnswerGuard
{
    /// <summary>A quarter of HTTP/2's default stream window, less the 5-byte gRPC message prefix and some slack.</summary>
    public const int Bytes = 16 * 1024 - 64;

    /// <summary>Requests the graceful close when <paramref name="answer"/> is large; returns whether it did.</summary>
    public static bool AfterAnswer(IMessage answer, ServerCallContext context)
    {
        if (answer.CalculateSize() <= Bytes) return false;
        IConnectionLifetimeNotificationFeature? lifetime;
        try
        {
            lifetime = context.GetHttpContext().Features.Get<IConnectionLifetimeNotificationFeature>();
        }
        catch (InvalidOperationException)
        {
            return false; // not served by ASP.NET Core (a test's own call context): there is no connection to close
        }
        if (lifetime is null) return false;
        lifetime.RequestClose();
        return true;
    }
}
