using Pulumirpc;

namespace Pulumi;

/// <summary>
/// Sends log messages to the engine, in order, tracking the work so the program does not exit before they
/// are delivered. A failure to deliver becomes a <see cref="LogException"/>.
/// </summary>
internal sealed class EngineLogger
{
    private readonly Deployment _deployment;
    private readonly object _lock = new();
    private Task _last = Task.CompletedTask;
    private volatile bool _loggedErrors;

    public EngineLogger(Deployment deployment)
    {
        _deployment = deployment;
    }

    /// <summary>True once an ERROR was logged: the run then ends with a non-zero exit code.</summary>
    public bool LoggedErrors => _loggedErrors;

    public Task ErrorAsync(string message, Resource? resource = null)
        => LogAsync(LogSeverity.Error, message, resource, null, null);

    public Task LogAsync(LogSeverity severity, string message, Resource? resource, int? streamId, bool? ephemeral)
    {
        if (severity == LogSeverity.Error)
        {
            _loggedErrors = true;
        }

        Task task;
        lock (_lock)
        {
            task = _last = SendAfterAsync(_last, severity, message, resource, streamId, ephemeral);
        }
        _deployment.Runner.RegisterTask(task, "log");
        return task;
    }

    private async Task SendAfterAsync(Task previous, LogSeverity severity, string message, Resource? resource, int? streamId, bool? ephemeral)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch
        {
            // The previous message's failure is reported through its own task.
        }

        var urn = "";
        if (resource is not null)
        {
            try
            {
                urn = await resource.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
            }
            catch
            {
                // A resource that failed to register can still be the subject of a message.
            }
        }

        try
        {
            await _deployment.Engine.LogAsync(new LogRequest
            {
                Severity = severity,
                Message = message,
                Urn = urn ?? "",
                StreamId = streamId ?? 0,
                Ephemeral = ephemeral ?? false,
            }).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw new LogException(exception);
        }
    }
}
