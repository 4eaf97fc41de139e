using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;

namespace Enclave.Bench;

/// <summary>
/// Where a full run's time goes, rule by rule, measured: each operation runs one rule over one synthetic graph whose
/// shared views (IAM model, input strings, isolation values, reachability) a full evaluation in the setup already
/// built, so a rule's figure is its own work (its findings included), not the view it happens to build first. The
/// <c>profile N</c> quick look gives one run of every rule; this gives BenchmarkDotNet figures (CPU/op, allocated) for
/// the rules named in <c>ENCLAVE_BENCH_RULES</c> (comma-separated ids; default: the costliest at 100k in the last
/// profile, bench/RESULTS.md), e.g.
/// <c>ENCLAVE_BENCH_SIZES=100000 ENCLAVE_BENCH_RULES=ENC-GOV-090,ENC-GOV-023 … --filter '*RuleBreakdown*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
[CpuTime]
public class RuleBreakdownBenchmarks
{
    private const string Costliest = "ENC-GOV-090,ENC-GOV-023,ENC-NET-008,ENC-GOV-021,ENC-GOV-004,ENC-NET-005,ENC-NET-030,ENC-GOV-005,ENC-IAM-080,ENC-IAM-116";
    private static readonly DateOnly Today = new(2026, 1, 15);
    private ResourceGraph _graph = null!;
    private IRule _rule = null!;

    [ParamsSource(nameof(Sizes))]
    public int Resources { get; set; }

    [ParamsSource(nameof(RuleIds))]
    public string Rule { get; set; } = "";

    public static IEnumerable<int> Sizes => BenchSizes.FromEnvironment("10000,100000");

    public static IEnumerable<string> RuleIds =>
        (Environment.GetEnvironmentVariable("ENCLAVE_BENCH_RULES") is { Length: > 0 } list ? list : Costliest)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GlobalSetup]
    public void Setup()
    {
        _graph = SyntheticEnclave.Graph(Resources);
        _rule = RuleCatalogue.All.Single(r => r.Info.Id == Rule);
        // Every per-graph view built once, as in a full run by the time a rule's turn comes.
        _ = PolicyEvaluator.Evaluate(_graph, SyntheticEnclave.Policy, today: Today);
    }

    [Benchmark(Description = "one rule, views built")]
    public int OneRule() => CpuTime.Measure($"{nameof(OneRule)}:{Rule}", Resources,
        () => _rule.Evaluate(new RuleContext(_graph, SyntheticEnclave.Policy) { Today = Today }).Count());
}
