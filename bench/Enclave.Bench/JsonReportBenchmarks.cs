using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Reports;

namespace Enclave.Bench;

/// <summary>
/// Issue 12: the JSON report of <c>enclave check</c> alone, written into a null stream from a report evaluated once
/// (every finding, passes included: ~850k at 100k resources, a ~400 MB document). What one write allocates is the
/// memory diagnoser's "Allocated": the writer streams, so anything it allocates per finding shows there.
/// </summary>
[MemoryDiagnoser]
[ResourcesPerSecond]
[CpuTime]
public class JsonReportBenchmarks
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private ReportSet _set = null!;

    [ParamsSource(nameof(Sizes))]
    public int Resources { get; set; }

    public static IEnumerable<int> Sizes => BenchSizes.FromEnvironment("10000,100000");

    [GlobalSetup]
    public void Setup() => _set = new ReportSet([PolicyEvaluator.Evaluate(SyntheticEnclave.Graph(Resources), SyntheticEnclave.Policy, today: Today)]);

    [Benchmark(Description = "JSON report (every finding)")]
    public int WriteJson() => CpuTime.Measure(nameof(WriteJson), Resources, () =>
    {
        using var sink = new StreamWriter(Stream.Null);
        new JsonReportWriter().Write(_set, sink);
        return _set.Reports[0].Findings.Length;
    });
}
