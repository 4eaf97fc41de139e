using System.Runtime.InteropServices;

namespace Enclave.Cli.Common;

/// <summary>
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT stop the command at once (a CI job cancelled, Ctrl+C), as the shell's default
/// would, but first remove the temporary file a report is being rendered into beside its target: left to the default,
/// the process died with a half-written <c>.report.json.PID.GUID.tmp</c> next to the report (and SIGINT was swallowed
/// by System.CommandLine's cancellation, which no command waits on, so the run went on). A report is moved into place
/// under the same lock, so a signal leaves either the old report or the whole new one, and never a temporary file.
/// Exit code 128 + the signal's number (130 for SIGINT, 143 for SIGTERM) with one line on stderr.
/// </summary>
public sealed class Interruption
{
    /// <summary>The process's reports in flight (<see cref="OutputTarget"/>).</summary>
    public static Interruption Process { get; } = new();

    private readonly object _gate = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    // Other things a signal must undo before the process exits (a diff's temporary git worktree, its child process):
    // Environment.Exit runs no finally block, so what a command cleans up on the way out is also registered here.
    private readonly List<Action> _cleanups = [];
    private int _signal; // 0 until a signal arrives

    private static readonly (PosixSignal Signal, int Number, string Name)[] Signals =
        [(PosixSignal.SIGINT, 2, "SIGINT"), (PosixSignal.SIGTERM, 15, "SIGTERM"), (PosixSignal.SIGHUP, 1, "SIGHUP"), (PosixSignal.SIGQUIT, 3, "SIGQUIT")];

    /// <summary>Handles the signals for the life of the process's command (not for in-process callers such as tests).</summary>
    public IDisposable Handle(TextWriter stderr)
    {
        var registrations = new List<PosixSignalRegistration>();
        foreach (var (signal, number, name) in Signals)
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    Interrupt(number, name, stderr, Environment.Exit);
                }));
            }
            catch (PlatformNotSupportedException) { } // SIGHUP and SIGQUIT do not exist on Windows
        }
        return new Registrations(registrations);
    }

    /// <summary>Discards every report still being rendered, says so in one line, and exits with 128 + <paramref name="number"/>.</summary>
    public void Interrupt(int number, string name, TextWriter stderr, Action<int> exit)
    {
        lock (_gate)
        {
            // The first signal decides (`timeout` and a CI runner may send SIGTERM to the process and to its group).
            if (_signal != 0) return;
            _signal = number;
            foreach (var temp in _pending)
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            _pending.Clear();
            // Latest first (a child process is stopped before the worktree it runs in is removed); none may stop the exit.
            for (var i = _cleanups.Count - 1; i >= 0; i--)
                try { _cleanups[i](); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            _cleanups.Clear();
        }
        stderr.WriteLine(CliErrors.Line($"interrupted by {name}; a report not yet complete was discarded"));
        stderr.Flush();
        exit(128 + number);
    }

    /// <summary>
    /// Runs <paramref name="cleanup"/> if a signal stops the process before the returned registration is disposed
    /// (the command's own finally block does the same work on every other way out).
    /// </summary>
    public IDisposable OnInterrupt(Action cleanup)
    {
        lock (_gate)
        {
            ThrowIfInterrupted();
            _cleanups.Add(cleanup);
        }
        return new Cleanup(this, cleanup);
    }

    private sealed class Cleanup(Interruption owner, Action action) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._cleanups.Remove(action);
        }
    }

    /// <summary>A report starts rendering into <paramref name="temp"/>.</summary>
    public void Started(string temp)
    {
        lock (_gate)
        {
            ThrowIfInterrupted();
            _pending.Add(temp);
        }
    }

    /// <summary>Moves the finished report into place (<paramref name="publish"/>), unless a signal came first.</summary>
    public void Finish(string temp, Action publish)
    {
        lock (_gate)
        {
            ThrowIfInterrupted();
            publish();
            _pending.Remove(temp);
        }
    }

    /// <summary>The report failed: it is no longer pending (the caller removes its file).</summary>
    public void Abandoned(string temp)
    {
        lock (_gate) _pending.Remove(temp);
    }

    private void ThrowIfInterrupted()
    {
        if (_signal != 0) throw new CliException(128 + _signal, "interrupted; no report was written");
    }

    private sealed class Registrations(List<PosixSignalRegistration> all) : IDisposable
    {
        public void Dispose() => all.ForEach(r => r.Dispose());
    }
}
