using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Loaders;
using Enclave.Policy.Reports;

namespace Enclave.Bench;

/// <summary>
/// Issue 12.8 for <c>enclave access --state FILE --format json</c> after start-up: the synthetic export read from
/// disk, the data-access table built (every data-bearing resource asked about each of its IAM types at inspect, read
/// and manage, each grant judged against the allow-list), and the JSON table written into a null stream.
/// </summary>
[MemoryDiagnoser]
[ResourcesPerSecond]
public class AccessBenchmarks : ProdExportBenchmark
{
    [Benchmark(Description = "load + access table + JSON")]
    public int Access()
    {
        var report = DataAccessReport.Build(ArtifactLoader.LoadArtifact(File).Graph, Policy);
        using var sink = new StreamWriter(Stream.Null);
        DataAccessJsonWriter.Write(report, sink);
        return report.Rows.Length;
    }
}
