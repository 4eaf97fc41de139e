using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;

namespace Enclave.Bench;

/// <summary>
/// What the whole-command benchmarks over a synthetic prod export share: the sizes (10k, 100k and 200k resources
/// unless ENCLAVE_BENCH_SIZES says otherwise), the export of each written once into a temp file, and the policy
/// the prod stack's config judges it with.
/// </summary>
public abstract class ProdExportBenchmark
{
    protected static readonly Enclave.Policy.PolicyContext Policy = PulumiFiles.PolicyFor("prod");

    /// <summary>The export of <see cref="Resources"/> resources.</summary>
    protected string File { get; private set; } = "";

    [ParamsSource(nameof(Sizes))]
    public int Resources { get; set; }

    public static IEnumerable<int> Sizes => BenchSizes.FromEnvironment("10000,100000,200000");

    [GlobalSetup]
    public void Setup() => File = PulumiFiles.ExportFile(Resources, "prod");
}
