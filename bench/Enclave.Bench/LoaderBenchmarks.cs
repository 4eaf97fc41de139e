using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;

namespace Enclave.Bench;

/// <summary>
/// Issue 12.8: a <c>pulumi stack export</c> of N synthetic resources (written by <see cref="PulumiFiles"/> into a temp
/// file once) read from disk by the streaming loader, then the whole of <c>enclave check --state FILE --format json</c>
/// after start-up: read, every rule, the JSON report into a null stream. The memory diagnoser's "Allocated" is what
/// one operation allocates (the graph is most of it: it lives until the report is written).
/// </summary>
[MemoryDiagnoser]
[ResourcesPerSecond]
[CpuTime]
public class LoaderBenchmarks : ProdExportBenchmark
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    [Benchmark(Baseline = true, Description = "load export (stream, graph)")]
    public int Load() => CpuTime.Measure(nameof(Load), Resources, () => ArtifactLoader.LoadArtifact(File).Graph.Resources.Length);

    [Benchmark(Description = "load + all rules + JSON report")]
    public int Check() => CpuTime.Measure(nameof(Check), Resources, () =>
    {
        var report = PolicyEvaluator.Evaluate(ArtifactLoader.LoadArtifact(File).Graph, Policy, today: Today);
        using var sink = new StreamWriter(Stream.Null);
        new JsonReportWriter().Write(new ReportSet([report]), sink);
        return report.Findings.Length;
    });
}
