using BenchmarkDotNet.Attributes;
using Enclave.Offline;
using Enclave.Policy.Review.Plan;

namespace Enclave.Bench;

/// <summary>
/// Issue 5: <c>enclave plan prod --format json</c> in-process, end to end: the program run under the SDK mock
/// engine with the prod stack's real config, every rule of the catalogue, and the plan document written.
/// Measured after start-up (BenchmarkDotNet warms up first), which is the "work after start-up" goal.
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private string _repo = "";

    [GlobalSetup]
    public void Setup() => _repo = RepoRoot.Find();

    [Benchmark(Description = "plan prod (program + all rules + plan JSON)")]
    public async Task<int> PlanProd()
    {
        var result = await OfflinePlanner.RunAsync(_repo, "prod");
        var plan = PlanDocument.Create(result.Graph, PolicyVerdicts.Evaluate(result.Graph, result.Policy, today: Today));
        return PlanJsonWriter.Write(plan).Length;
    }

    [Benchmark(Description = "program only (offline run to graph)")]
    public async Task<int> ProgramOnly() => (await OfflinePlanner.RunAsync(_repo, "prod")).Graph.Resources.Length;
}
