using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Pulumi;

/// <summary>
/// Keeps a deployment alive until all the asynchronous work it started is done. Resource constructors and
/// outputs start work fire-and-forget; each such task is registered here. The run ends when no task is
/// pending, or reports the first failures (every later failure is reported too, each exception once).
/// </summary>
internal sealed class Runner
{
    /// <summary>Exit code telling the language host that the error was already reported to the user.</summary>
    internal const int ProcessExitedAfterLoggingUserActionableMessage = 32;

    private readonly Deployment _deployment;
    private readonly object _lock = new();
    private readonly HashSet<Exception> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly List<Exception> _unreported = new();
    private int _pending;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Runner(Deployment deployment)
    {
        _deployment = deployment;
    }

    public void RegisterTask(Task task, string description)
    {
        if (task.IsCompletedSuccessfully)
        {
            return;
        }
        lock (_lock)
        {
            _pending++;
        }
        task.ContinueWith(static (t, state) => ((Runner)state!).OnCompleted(t), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnCompleted(Task task)
    {
        lock (_lock)
        {
            _pending--;
            if (task.IsFaulted)
            {
                foreach (var exception in task.Exception!.InnerExceptions)
                {
                    if (_seen.Add(exception))
                    {
                        _unreported.Add(exception);
                    }
                }
            }
            else if (task.IsCanceled)
            {
                _unreported.Add(new TaskCanceledException(task));
            }
            if (_pending == 0 || _unreported.Count > 0)
            {
                _changed.TrySetResult();
            }
        }
    }

    /// <summary>Waits until nothing is pending (returns no errors) or some task failed (returns its errors).</summary>
    private async Task<ImmutableArray<Exception>> AwaitIdleOrFirstExceptionAsync()
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_unreported.Count > 0)
                {
                    var errors = _unreported.ToImmutableArray();
                    _unreported.Clear();
                    return errors;
                }
                if (_pending == 0)
                {
                    return ImmutableArray<Exception>.Empty;
                }
                if (_changed.Task.IsCompleted)
                {
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                changed = _changed.Task;
            }
            await changed.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Creates the stack (its constructor creates the program's resources) and runs until all work is done.
    /// Returns the process exit code: 0, 1 (errors were logged), or 32 (an exception was reported).
    /// </summary>
    public async Task<int> RunStackAsync(Func<Stack> stackFactory, bool registerPropertyOutputs)
    {
        try
        {
            var stack = stackFactory();
            if (registerPropertyOutputs)
            {
                // Stack subclasses do not call RegisterOutputs themselves: register their [Output]s for them.
                stack.RegisterPropertyOutputs();
            }
            RegisterTask(stack.Outputs.DataTask, "stack outputs");
        }
        catch (Exception exception)
        {
            return await HandleExceptionsAsync(ImmutableArray.Create(exception)).ConfigureAwait(false);
        }
        return await WhileRunningAsync().ConfigureAwait(false);
    }

    private async Task<int> WhileRunningAsync()
    {
        var errors = await AwaitIdleOrFirstExceptionAsync().ConfigureAwait(false);
        if (errors.Length > 0)
        {
            return await HandleExceptionsAsync(errors).ConfigureAwait(false);
        }
        return _deployment.Logger.LoggedErrors ? 1 : 0;
    }

    private async Task<int> HandleExceptionsAsync(ImmutableArray<Exception> exceptions)
    {
        lock (_lock)
        {
            foreach (var exception in exceptions)
            {
                _seen.Add(exception);
            }
        }

        var logged = 0;
        foreach (var exception in exceptions)
        {
            logged += await ReportAsync(exception).ConfigureAwait(false) ? 1 : 0;
        }

        // Let the remaining work finish (it may fail too; each new failure is reported).
        while (true)
        {
            var more = await AwaitIdleOrFirstExceptionAsync().ConfigureAwait(false);
            if (more.Length == 0)
            {
                break;
            }
            foreach (var exception in more)
            {
                logged += await ReportAsync(exception).ConfigureAwait(false) ? 1 : 0;
            }
        }

        return logged > 0 ? ProcessExitedAfterLoggingUserActionableMessage : 1;
    }

    /// <summary>The program's path: its entry assembly, or (Native AOT, single file: no assembly file) its executable.</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty Location is replaced by the process path.")]
    private static string? ProgramLocation()
        => Assembly.GetEntryAssembly()?.Location is { Length: > 0 } location ? location : Environment.ProcessPath;

    /// <summary>Reports an exception to the engine as an ERROR log, in the official format for its kind.</summary>
    private async Task<bool> ReportAsync(Exception exception)
    {
        switch (exception)
        {
            case LogException:
                await Console.Error.WriteLineAsync($"Error occurred trying to send logging message to engine:\n{exception}").ConfigureAwait(false);
                return false;
            case RunException:
                // User-actionable: the message alone, no stack trace.
                await _deployment.Logger.ErrorAsync(exception.Message).ConfigureAwait(false);
                return true;
            case ResourceException resourceException:
                await _deployment.Logger.ErrorAsync(
                    resourceException.HideStack ? resourceException.Message : resourceException.ToString(),
                    resourceException.Resource).ConfigureAwait(false);
                return true;
            default:
                var location = ProgramLocation();
                await _deployment.Logger.ErrorAsync($"Running program '{location}' failed with an unhandled exception:\n{exception}").ConfigureAwait(false);
                return true;
        }
    }
}
