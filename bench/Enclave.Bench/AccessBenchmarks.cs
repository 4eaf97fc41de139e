using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;

namespace Enclave.Bench;

/// <summary>
/// Issue 12.8 for <c>enclave access --state FILE --format json</c> after start-up: the synthetic export read from
/// disk, the data-access table built (every data-bearing resource asked about each of its IAM types at inspect, read
/// and manage, each grant judged against the allow-list), and the JSON table written into a null stream.
/// "access table alone" is the IAM and reach part without the loader: the export loaded once, each operation a fresh
/// graph over its resources (the IAM view, the data judge and <c>ReachVerdicts</c> are made per graph), the table built
/// under the CLI's work budget.
/// </summary>
[MemoryDiagnoser]
[ResourcesPerSecond]
[CpuTime]
public class AccessBenchmarks : ProdExportBenchmark
{
    private Enclave.Policy.Graph.ResourceGraph _loaded = null!;

    [GlobalSetup(Target = nameof(Table))]
    public void LoadOnce()
    {
        Setup();
        _loaded = ArtifactLoader.LoadArtifact(File).Graph;
    }

    [Benchmark(Description = "load + access table + JSON")]
    public int Access() => CpuTime.Measure(nameof(Access), Resources, () =>
    {
        var report = DataAccessReport.Build(ArtifactLoader.LoadArtifact(File).Graph, Policy);
        using var sink = new StreamWriter(Stream.Null);
        DataAccessJsonWriter.Write(report, sink);
        return report.Rows.Length;
    });

    [Benchmark(Description = "access table alone (IAM view, judge, reach)")]
    public int Table() => CpuTime.Measure(nameof(Table), Resources, () =>
        DataAccessReport.Build(new Enclave.Policy.Graph.ResourceGraph(_loaded.Stack, _loaded.Project, _loaded.Origin, _loaded.Resources), Policy).Rows.Length);
}
