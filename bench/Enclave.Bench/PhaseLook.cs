using System.Diagnostics;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;

namespace Enclave.Bench;

/// <summary>
/// `phases FILE [RUNS]`: the work of `enclave check --state FILE --format json` in its phases (load, rules, JSON
/// report into a null stream), CPU ms and managed heap after each: where a whole-process figure goes. A look, not
/// a measurement.
/// </summary>
internal static class PhaseLook
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    public static void Run(string file, int runs)
    {
        if (Environment.GetEnvironmentVariable("PHASES_GC") is { Length: > 0 } mode)
            System.Runtime.GCSettings.LatencyMode = Enum.Parse<System.Runtime.GCLatencyMode>(mode);
        // PHASES_GCLOG=1: one line per collection (generation, reason, pause) on standard error.
        using var gcs = Environment.GetEnvironmentVariable("PHASES_GCLOG") is { Length: > 0 } ? new GcPauseListener { Log = true } : null;
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var t0 = Cpu();
            var p0 = Pause();
            var nogc = Environment.GetEnvironmentVariable("PHASES_NOGC") is { Length: > 0 } f
                && GC.TryStartNoGCRegion((long)(new FileInfo(file).Length * double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)));
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var artifact = ArtifactLoader.LoadArtifact(file);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            if (nogc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
            var t1 = Cpu();
            var p1 = Pause();
            Console.WriteLine($"  load allocated {allocated / 1e6:F0} MB (no-GC region: {nogc})");
            var heapLoaded = GC.GetTotalMemory(forceFullCollection: false);
            var a1 = Allocated();
            var report = PolicyEvaluator.Evaluate(artifact.Graph, PulumiFiles.PolicyFor("prod"), today: Today);
            var t2 = Cpu();
            var a2 = Allocated();
            var p2 = Pause();
            var heapJudged = GC.GetTotalMemory(false);
            using (var sink = new StreamWriter(Stream.Null)) new JsonReportWriter().Write(new ReportSet([report]), sink);
            var t3 = Cpu();
            var p3 = Pause();
            var a3 = Allocated();
            Console.WriteLine($"{artifact.Graph.Resources.Length} resources: load {t1 - t0:F0} ms (GC {p1 - p0:F0} ms, heap {heapLoaded / 1e6:F0} MB), " +
                              $"rules {t2 - t1:F0} ms (GC {p2 - p1:F0} ms, heap {heapJudged / 1e6:F0} MB, {report.Findings.Length} findings, {(a2 - a1) / 1e6:F0} MB allocated), " +
                              $"report {t3 - t2:F0} ms (GC {p3 - p2:F0} ms, {(a3 - a2) / 1e6:F0} MB allocated); " +
                              $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        }
    }

    /// <summary>
    /// `access-phases FILE [RUNS]`: the work of `enclave access prod --state FILE --format json` in its phases (load,
    /// the IAM view, the table, JSON into a null stream), CPU ms each.
    /// </summary>
    public static void Access(string file, int runs)
    {
        var policy = PulumiFiles.PolicyFor("prod");
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var t0 = Cpu();
            var a0 = Allocated();
            var graph = ArtifactLoader.LoadArtifact(file).Graph;
            var t1 = Cpu();
            var a1 = Allocated();
            var view = Enclave.Policy.Rules.Iam.IamView.For(new Enclave.Policy.Rules.RuleContext(graph, policy));
            _ = view.Evaluator.Diagnostics;
            var t2 = Cpu();
            var report = DataAccessReport.Build(graph, policy);
            var t3 = Cpu();
            using (var sink = new StreamWriter(Stream.Null)) DataAccessJsonWriter.Write(report, sink);
            var t4 = Cpu();
            Console.WriteLine($"  allocated: load {(a1 - a0) / 1e6:F0} MB, view + table + JSON {(Allocated() - a1) / 1e6:F0} MB");
            Console.WriteLine($"{graph.Resources.Length} resources: load {t1 - t0:F0} ms, IAM view {t2 - t1:F0} ms, " +
                              $"table {t3 - t2:F0} ms ({report.Rows.Length} rows, {report.Diagnostics.Length} notes), JSON {t4 - t3:F0} ms; " +
                              $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        }
    }

    /// <summary>
    /// `diff-phases BASE HEAD [RUNS]`: the work of `enclave diff BASE HEAD --stack prod --format json` in its phases
    /// (each side loaded and judged, the comparison, JSON into a null stream), CPU ms each.
    /// </summary>
    public static void Diff(string baseFile, string headFile, int runs)
    {
        var policy = PulumiFiles.PolicyFor("prod");
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var t0 = Cpu();
            var a0 = Allocated();
            var before = ArtifactLoader.LoadArtifact(baseFile).Graph;
            var t1 = Cpu();
            var a1 = Allocated();
            var beforePolicy = Enclave.Policy.Review.Plan.PolicyVerdicts.Evaluate(before, policy, today: Today);
            var t2 = Cpu();
            var a2 = Allocated();
            var after = ArtifactLoader.LoadArtifact(headFile, prior: before).Graph; // as `enclave diff` reads its head
            var t3 = Cpu();
            var a3 = Allocated();
            var afterPolicy = Enclave.Policy.Review.Plan.PolicyVerdicts.Evaluate(after, policy, today: Today);
            var t4 = Cpu();
            var a4 = Allocated();
            var diff = Enclave.Policy.Review.Diff.DiffEngine.Compare(before, after,
                new Enclave.Policy.Review.Diff.DiffOptions(baseFile, headFile, beforePolicy, afterPolicy));
            var t5 = Cpu();
            Console.WriteLine($"  allocated: load {(a1 - a0) / 1e6:F0} + {(a3 - a2) / 1e6:F0} MB, rules {(a2 - a1) / 1e6:F0} + {(a4 - a3) / 1e6:F0} MB, compare {(Allocated() - a4) / 1e6:F0} MB");
            // DIFF_COMPARES=N: the comparison N more times on the same sides (the minimum is the least disturbed).
            var again = new List<double>();
            for (var i = 0; i < QuickLooks.Int(Environment.GetEnvironmentVariable("DIFF_COMPARES") ?? "0"); i++)
            {
                var c0 = Cpu();
                Enclave.Policy.Review.Diff.DiffEngine.Compare(before, after,
                    new Enclave.Policy.Review.Diff.DiffOptions(baseFile, headFile, beforePolicy, afterPolicy));
                again.Add(Cpu() - c0);
            }
            if (again.Count > 0) Console.WriteLine($"  compare again: {string.Join(", ", again.Select(x => x.ToString("F0")))} ms");
            using (var sink = new StreamWriter(Stream.Null)) Enclave.Policy.Review.Render.DiffJsonWriter.Write(diff, sink);
            var t6 = Cpu();
            Console.WriteLine($"{before.Resources.Length} + {after.Resources.Length} resources: load {t1 - t0:F0} + {t3 - t2:F0} ms, " +
                              $"rules {t2 - t1:F0} + {t4 - t3:F0} ms, compare {t5 - t4:F0} ms ({diff.Changes.Length} changes), JSON {t6 - t5:F0} ms; " +
                              $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        }
    }

    /// <summary>`scan FILE`: the floor for loading, every token of the file read and nothing kept.</summary>
    public static void Scan(string file)
    {
        var bytes = File.ReadAllBytes(file);
        for (var run = 0; run < 3; run++)
        {
            var t0 = Cpu();
            var reader = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions { MaxDepth = 256 });
            long tokens = 0;
            while (reader.Read()) tokens++;
            Console.WriteLine($"{tokens} tokens in {Cpu() - t0:F0} ms cpu");
        }
    }

    private static long Allocated() => GC.GetAllocatedBytesForCurrentThread();

    private static double Pause() => GC.GetTotalPauseDuration().TotalMilliseconds;

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
