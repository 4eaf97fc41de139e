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
public class AccessBenchmarks
{
    private static readonly Enclave.Policy.PolicyContext Policy = PulumiFiles.PolicyFor("prod");
    private string _file = "";

    [ParamsSource(nameof(Sizes))]
    public int Resources { get; set; }

    public static IEnumerable<int> Sizes => BenchSizes.FromEnvironment("10000,100000,200000");

    [GlobalSetup]
    public void Setup() => _file = PulumiFiles.ExportFile(Resources, "prod");

    [Benchmark(Description = "load + access table + JSON")]
    public int Access()
    {
        var report = DataAccessReport.Build(ArtifactLoader.LoadArtifact(_file).Graph, Policy);
        using var sink = new StreamWriter(Stream.Null);
        DataAccessJsonWriter.Write(report, sink);
        return report.Rows.Length;
    }
}
