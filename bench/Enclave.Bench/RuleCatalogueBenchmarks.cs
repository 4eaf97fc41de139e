using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Network;

namespace Enclave.Bench;

/// <summary>
/// Issue 4: every rule of the catalogue over synthetic enclaves of 1k, 10k and 100k resources with 10k policy
/// statements. Each invocation indexes a fresh <see cref="ResourceGraph"/> from the same resources, because rules
/// cache per-graph views (IAM model, reachability): reusing one graph would time the cache, not the rules.
/// <see cref="IndexGraph"/> is that indexing alone, so the rules' own cost is the difference. The CPU/op column
/// (<see cref="CpuTime"/>) is the median process CPU time per call: on the shared machine wall time mostly measures
/// the wait for a core.
/// </summary>
[MemoryDiagnoser]
[ResourcesPerSecond]
[CpuTime]
public class RuleCatalogueBenchmarks
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private ImmutableArray<ResourceNode> _resources;

    [ParamsSource(nameof(Sizes))]
    public int Resources { get; set; }

    public static IEnumerable<int> Sizes => BenchSizes.FromEnvironment();

    [GlobalSetup]
    public void Setup() => _resources = SyntheticEnclave.Resources(Resources);

    private ResourceGraph Fresh() => new("bench", "us-data-enclave", GraphOrigin.Plan, _resources, "synthetic");

    [Benchmark(Baseline = true, Description = "index graph")]
    public ResourceGraph IndexGraph() => CpuTime.Measure(nameof(IndexGraph), Resources, Fresh);

    [Benchmark(Description = "index + all rules")]
    public int AllRules() => CpuTime.Measure(nameof(AllRules), Resources,
        () => PolicyEvaluator.Evaluate(Fresh(), SyntheticEnclave.Policy, today: Today).Findings.Length);

    [Benchmark(Description = "index + reachability analysis")]
    public int Reachability() => ReachabilityAnalyzer.Analyze(Fresh(), SyntheticEnclave.Policy).Paths.Length;
}
