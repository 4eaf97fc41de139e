using Pulumirpc;

namespace Pulumi;

/// <summary>
/// Logs to the Pulumi engine (shown by the CLI; in tests, errors fail the run). Calls are fire-and-forget;
/// the deployment waits for delivery. Outside of a deployment messages go to the console.
/// </summary>
public static class Log
{
    public static void Debug(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Send(LogSeverity.Debug, message, resource, streamId, ephemeral);

    public static void Info(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Send(LogSeverity.Info, message, resource, streamId, ephemeral);

    public static void Warn(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Send(LogSeverity.Warning, message, resource, streamId, ephemeral);

    public static void Error(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Send(LogSeverity.Error, message, resource, streamId, ephemeral);

    public static void Exception(Exception exception, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Error(exception.ToString(), resource, streamId, ephemeral);

    private static void Send(LogSeverity severity, string message, Resource? resource, int? streamId, bool? ephemeral)
    {
        var deployment = Deployment.TryGetInternal();
        if (deployment is null)
        {
            if (severity != LogSeverity.Debug)
            {
                Console.Error.WriteLine($"{severity.ToString().ToLowerInvariant()}: {message}");
            }
            return;
        }
        _ = deployment.Logger.LogAsync(severity, message, resource, streamId, ephemeral);
    }
}
