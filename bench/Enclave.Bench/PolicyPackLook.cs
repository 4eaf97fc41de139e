using System.Diagnostics;
using Enclave.PolicyPack.Protocol;

namespace Enclave.Bench;

/// <summary>
/// `pack N RUNS`: CPU time of the policy pack's calls on a synthetic enclave of N resources, the steps apart (parse
/// the request bytes, judge), a look for a machine too busy for wall-clock figures; RESULTS.md has both.
/// </summary>
internal static class PolicyPackLook
{
    private static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    public static void Run(int size, int runs)
    {
        var bench = new PolicyPackBenchmarks { Resources = size };
        var cpu = CpuMs();
        bench.Setup();
        Console.WriteLine($"{size} resources; setup (synthetic graph, requests, one Analyze per resource) {CpuMs() - cpu:F0} ms cpu");
        for (var run = 0; run < runs; run++)
        {
            var t = CpuMs();
            var stack = bench.StackRequest();
            var parsed = CpuMs();
            var bytes0 = GC.GetAllocatedBytesForCurrentThread();
            var graph = Enclave.PolicyPack.Mapping.AnalyzerGraphs.Stack(stack, bench.Identity, new Dictionary<string, Enclave.Policy.Graph.MapValue>());
            var mapped = CpuMs();
            var bytes1 = GC.GetAllocatedBytesForCurrentThread();
            var report = Enclave.Policy.Engine.PolicyEvaluator.Evaluate(graph, Synthetic.SyntheticEnclave.Policy);
            var evaluated = CpuMs();
            var bytes2 = GC.GetAllocatedBytesForCurrentThread();
            Console.WriteLine($"  (alone: map {mapped - parsed:F0} ms {(bytes1 - bytes0) / 1e6:F0} MB, rules {evaluated - mapped:F0} ms {(bytes2 - bytes1) / 1e6:F0} MB, {report.Findings.Length} findings)");
            parsed = CpuMs();
            var diagnostics = bench.Session.AnalyzeStack(stack).Diagnostics.Count;
            var judged = CpuMs();
            bench.AnalyzeEachResource();
            var each = CpuMs() - judged;
            Console.WriteLine($"AnalyzeStack: parse {parsed - t:F0} ms + map and judge {judged - parsed:F0} ms cpu ({diagnostics} diagnostics); " +
                              $"Analyze of every resource: {each:F0} ms cpu, {each * 1000 / size:F1} µs per resource");
        }
    }
}
