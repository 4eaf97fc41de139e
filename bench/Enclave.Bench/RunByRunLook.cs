using System.Diagnostics;
using System.Globalization;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;

namespace Enclave.Bench;

/// <summary>
/// `runs N RUNS`: index + all rules again and again, printing each run's wall time, the process's CPU time and the
/// calling thread's own CPU time. The difference between the last two is work on other threads (the JIT's
/// background tiering, the runtime's other threads): it shows when a run reaches the steady state a benchmark
/// measures, and how much of an early run's process CPU is not the rules' own work. A look, not a measurement.
/// </summary>
internal static class RunByRunLook
{
    public static void Run(int size, int runs)
    {
        var nodes = SyntheticEnclave.Resources(size);
        var today = new DateOnly(2026, 1, 15);
        Console.WriteLine("run   wall ms  process cpu ms  this thread cpu ms  other threads ms");
        for (var run = 1; run <= runs; run++)
        {
            var (process, thread) = (ProcessCpuMs(), ThreadCpuMs());
            var watch = Stopwatch.StartNew();
            _ = PolicyEvaluator.Evaluate(new ResourceGraph("bench", "p", GraphOrigin.Plan, nodes), SyntheticEnclave.Policy, today: today);
            var wall = watch.Elapsed.TotalMilliseconds;
            var (p, t) = (ProcessCpuMs() - process, ThreadCpuMs() - thread);
            Console.WriteLine($"{run,3} {wall,9:F1} {p,15:F1} {t,19:F1} {p - t,17:F1}");
        }
    }

    private static double ProcessCpuMs() => Environment.CpuUsage.TotalTime.TotalMilliseconds;

    /// <summary>This thread's user + system time from Linux's <c>/proc/thread-self/stat</c> (fields 14 and 15, in clock ticks of 10 ms).</summary>
    private static double ThreadCpuMs()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is fields[0], so utime (14) and stime (15) are fields[11] and fields[12].
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }
}
