using System.Diagnostics;
using System.Globalization;
using Enclave.Escaping;

namespace Enclave.Cli.Common;

/// <summary>
/// A spinner on stderr for work that takes more than a second (planning a git revision, which builds it; reading a
/// large state; running the program offline), so a long wait does not look like a hang. Only on an interactive
/// terminal and never with <c>--quiet</c>: CI logs and pipes get no carriage-return noise. The line is erased when
/// the work ends, whatever the outcome.
/// </summary>
public static class SlowWork
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private const string Frames = "|/-\\";

    public static Task<T> RunAsync<T>(TextWriter stderr, string label, Func<Task<T>> work) =>
        RunAsync(stderr, label, work, Terminal.IsInteractiveError(stderr) && !Terminal.Quiet);

    /// <param name="show">Whether to draw at all (tests pass true with a captured writer).</param>
    public static async Task<T> RunAsync<T>(TextWriter stderr, string label, Func<Task<T>> work, bool show, TimeSpan? delay = null)
    {
        if (!show) return await work();
        label = SafeText.Escape(label, 60); // names a ref or a file: one line, no control characters
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var drawn = 0;
        var spinner = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay ?? Delay, stop.Token);
                for (var frame = 0; !stop.IsCancellationRequested; frame++)
                {
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"\r{Frames[frame % Frames.Length]} {label} ({clock.Elapsed.TotalSeconds:0}s)");
                    lock (stderr) { stderr.Write(line); stderr.Flush(); drawn = line.Length; }
                    await Task.Delay(Tick, stop.Token);
                }
            }
            catch (OperationCanceledException) { }
        });
        try { return await work(); }
        finally
        {
            await stop.CancelAsync();
            await spinner;
            lock (stderr)
            {
                if (drawn > 0) { stderr.Write("\r" + new string(' ', drawn) + "\r"); stderr.Flush(); }
            }
        }
    }
}
