using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;
using Enclave.Offline.Stacks;
using Enclave.Policy.Graph;
using Enclave.PolicyPack.Mapping;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Session;
using Enclave.PolicyPack.Tests.EngineSide;
using Google.Protobuf;

namespace Enclave.Bench;

/// <summary>
/// Issue 15: the policy pack's work per engine call, from the request's bytes (what arrives over gRPC) to its answer,
/// on the synthetic enclaves. <see cref="AnalyzeStack"/> is the end of a preview (every resource's outputs; the inputs
/// from the run's Analyze calls, made in setup); <see cref="AnalyzeEachResource"/> is every resource shown one at a
/// time as the program registers it (divide by the resources for the cost per resource). The requests are built by the
/// conformance harness's engine side (tests/Enclave.PolicyPack.Tests/EngineSide), shaped as the engine builds them.
/// </summary>
[MemoryDiagnoser]
[ResourcesPerSecond]
[CpuTime]
public class PolicyPackBenchmarks
{
    private PackSession _session = null!;
    private byte[] _stack = [];
    private ImmutableArray<byte[]> _resources = [];

    [ParamsSource(nameof(Sizes))]
    public int Resources { get; set; }

    public static IEnumerable<int> Sizes => BenchSizes.FromEnvironment();

    [GlobalSetup]
    public void Setup()
    {
        var graph = SyntheticEnclave.Graph(Resources);
        var config = new StackConfig(graph.Project, graph.Stack, $"stacks/Pulumi.{graph.Stack}.yaml",
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("oci:region", "us-ashburn-1")]),
            ImmutableSortedSet<string>.Empty);
        var requests = new EngineRequests(graph, config);
        _resources = [.. requests.Registered.Select(n => requests.Analyze(n).ToByteArray())];
        _stack = requests.AnalyzeStack().ToByteArray();
        _session = Configured(graph);
        foreach (var bytes in _resources) _session.Analyze(AnalyzeRequest.Parser.ParseFrom(bytes));
    }

    private PackSession Configured(ResourceGraph graph)
    {
        var session = new PackSession();
        Identity = new StackIdentity(graph.Stack, graph.Project, GraphOrigin.Preview, SyntheticEnclave.Policy.DeploymentRegion);
        session.ConfigureStack(new ConfiguredStack(Identity, SyntheticEnclave.Policy));
        return session;
    }

    internal PackSession Session => _session;

    internal ImmutableArray<byte[]> ResourceRequests => _resources;

    internal StackIdentity Identity { get; private set; } = null!;

    internal AnalyzeStackRequest StackRequest() => AnalyzeStackRequest.Parser.ParseFrom(_stack);

    [Benchmark(Description = "AnalyzeStack (parse + judge)")]
    public int AnalyzeStack() =>
        CpuTime.Measure(nameof(AnalyzeStack), Resources, () => _session.AnalyzeStack(StackRequest()).Diagnostics.Count);

    [Benchmark(Description = "Analyze each resource (parse + judge)")]
    public int AnalyzeEachResource() => CpuTime.Measure(nameof(AnalyzeEachResource), Resources, () =>
    {
        var diagnostics = 0;
        foreach (var bytes in _resources) diagnostics += _session.Analyze(AnalyzeRequest.Parser.ParseFrom(bytes)).Diagnostics.Count;
        return diagnostics;
    });
}
