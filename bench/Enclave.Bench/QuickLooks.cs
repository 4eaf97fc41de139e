using System.Diagnostics;
using System.Globalization;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Waivers;

namespace Enclave.Bench;

/// <summary>
/// The bench's quick looks used to find where time and memory go (`loop`, `alloc`, `retained`, `index`, `rules`):
/// looks, not measurements; the figures in RESULTS.md come from BenchmarkDotNet.
/// </summary>
internal static class QuickLooks
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    public static int Int(string? text) => int.Parse(text ?? "", CultureInfo.InvariantCulture);

    /// <summary>A fresh graph over the same resources (rules cache per-graph views).</summary>
    private static ResourceGraph Fresh(IEnumerable<ResourceNode> nodes) => new("bench", "p", GraphOrigin.Plan, nodes);

    private static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    /// <summary>All rules over a fresh graph, again and again: a steady workload for a sampling profiler (dotnet-trace).</summary>
    public static void Loop(int size, int runs)
    {
        var nodes = SyntheticEnclave.Resources(size);
        // GC_LOG=1: one line per collection (generation, reason, pause) on standard error.
        using var gcs = new GcPauseListener { Log = Environment.GetEnvironmentVariable("GC_LOG") is "1" };
        var cpu = CpuMs();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) _ = PolicyEvaluator.Evaluate(Fresh(nodes), SyntheticEnclave.Policy, today: Today);
        Console.WriteLine($"{watch.Elapsed.TotalMilliseconds / runs:F1} ms per run ({(CpuMs() - cpu) / runs:F1} ms cpu), " +
                          $"{GC.GetTotalAllocatedBytes() / 1e6 / runs:F1} MB per run, GCs gen0 {GC.CollectionCount(0)} " +
                          $"gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds / runs:F1} ms per run");
        Console.WriteLine($"  collections: {gcs.Summary(runs)}");
    }

    /// <summary>Which types the rules allocate (sampled allocation ticks), largest first.</summary>
    public static void Alloc(int size)
    {
        var nodes = SyntheticEnclave.Resources(size);
        _ = PolicyEvaluator.Evaluate(Fresh(nodes), SyntheticEnclave.Policy);
        using var sampler = new AllocationSampler();
        for (var i = 0; i < 3; i++) _ = PolicyEvaluator.Evaluate(Fresh(nodes), SyntheticEnclave.Policy);
        foreach (var ((type, heap), bytes) in sampler.Bytes.OrderByDescending(kv => kv.Value).Take(40))
            Console.WriteLine($"{bytes / 3e6,8:F1} MB/run  {heap}  {type}");
    }

    /// <summary>
    /// What the graph, and one evaluation with its per-graph views, keep alive: survivors are what garbage
    /// collections copy and mark, so they cost more than short-lived garbage. RULES=id,id limits the rules.
    /// </summary>
    public static void Retained(int size)
    {
        var empty = GC.GetTotalMemory(forceFullCollection: true);
        var graph = Fresh(SyntheticEnclave.Resources(size));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"graph: {(before - empty) / 1e6:F1} MB");
        var only = Environment.GetEnvironmentVariable("RULES") is { Length: > 0 } ids
            ? RuleCatalogue.All.Where(r => ids.Split(',').Contains(r.Info.Id)).ToList() : null;
        var report = PolicyEvaluator.Evaluate(graph, SyntheticEnclave.Policy, today: Today, rules: only);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"report and views: {(after - before) / 1e6:F1} MB retained ({report.Findings.Length} findings)");
        GC.KeepAlive(graph);
        GC.KeepAlive(report);
    }

    /// <summary>Graph indexing alone, again and again (CPU time: the machine is shared).</summary>
    public static void Index(int size, int runs)
    {
        var nodes = SyntheticEnclave.Resources(size);
        _ = Fresh(nodes);
        var cpu = CpuMs();
        for (var i = 0; i < runs; i++) _ = Fresh(nodes);
        Console.WriteLine($"index: {(CpuMs() - cpu) / runs:F1} ms cpu per graph");
    }

    /// <summary>
    /// Each rule's share of a full evaluation, over many runs on fresh graphs (shared views are paid by the first
    /// rule that needs them, as in a real run), and the report's sort. Wall time: run it on a quiet machine.
    /// </summary>
    public static void Rules(int size, int runs)
    {
        var nodes = SyntheticEnclave.Resources(size);
        var rules = RuleCatalogue.All;
        var infos = rules.ToDictionary(r => r.Info.Id, r => r.Info);
        var spent = new double[rules.Length + 2];  // index, each rule, report
        for (var run = -3; run < runs; run++)
        {
            var times = new double[spent.Length];
            var watch = Stopwatch.StartNew();
            var graph = Fresh(nodes);
            times[0] = watch.Elapsed.TotalMilliseconds;
            var context = new RuleContext(graph, SyntheticEnclave.Policy);
            var all = new List<Finding>();
            for (var r = 0; r < rules.Length; r++)
            {
                var start = watch.Elapsed.TotalMilliseconds;
                all.AddRange(rules[r].Evaluate(context));
                times[r + 1] = watch.Elapsed.TotalMilliseconds - start;
            }
            var sort = watch.Elapsed.TotalMilliseconds;
            _ = new PolicyReport(graph, [.. infos.Values], all.Select(f => new ReportedFinding(infos[f.RuleId], f)), Today, WaiverSet.Empty);
            times[^1] = watch.Elapsed.TotalMilliseconds - sort;
            if (run >= 0) for (var i = 0; i < spent.Length; i++) spent[i] += times[i];
        }
        var names = new[] { "index graph" }.Concat(rules.Select(r => r.Info.Id)).Append("report").ToArray();
        foreach (var (name, ms) in names.Zip(spent).OrderByDescending(x => x.Second).Take(20))
            Console.WriteLine($"{name,-24} {ms / runs,8:F2} ms");
        Console.WriteLine($"{"total",-24} {spent.Sum() / runs,8:F2} ms");
    }
}
