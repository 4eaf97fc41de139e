using System.Diagnostics;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Waivers;
using Enclave.PolicyPack.Mapping;
using Enclave.PolicyPack.Policies;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Verdicts;

namespace Enclave.Bench;

/// <summary>
/// `pack N RUNS`: CPU time (not wall time: the machine is shared) and allocation of the policy pack's calls on a
/// synthetic enclave of N resources, step by step: AnalyzeStack (parse the request bytes, map them onto the graph,
/// run the rules, the whole call) and one Analyze per resource (parse, map, judge). A look, not a measurement;
/// RESULTS.md has the BenchmarkDotNet figures too.
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
            GC.Collect();
            var t0 = CpuMs();
            var request = bench.StackRequest();
            var t1 = CpuMs();
            var graph = AnalyzerGraphs.Stack(request, bench.Identity, new Dictionary<string, MapValue>());
            var t2 = CpuMs();
            _ = PolicyEvaluator.Evaluate(graph, Synthetic.SyntheticEnclave.Policy);
            var t3 = CpuMs();
            GC.Collect();
            var t4 = CpuMs();
            var diagnostics = bench.AnalyzeStack();
            var t5 = CpuMs();
            Console.WriteLine($"AnalyzeStack: parse {t1 - t0:F0} ms, map {t2 - t1:F0} ms, rules {t3 - t2:F0} ms; " +
                              $"the whole call (parse, map, rules, answer) {t5 - t4:F0} ms cpu, {diagnostics} diagnostics");
            Phases(bench);
        }
    }

    /// <summary>Bytes and CPU of one Analyze call's steps, averaged over every resource.</summary>
    private static void Phases(PolicyPackBenchmarks bench)
    {
        var policy = Synthetic.SyntheticEnclave.Policy;
        var rules = PolicyConfiguration.Catalogue.ResourceRules;
        long parse = 0, map = 0, judge = 0;
        var watch = new Stopwatch[3] { new(), new(), new() };
        var cpu = CpuMs();
        foreach (var bytes in bench.ResourceRequests)
        {
            var b0 = GC.GetAllocatedBytesForCurrentThread();
            watch[0].Start();
            var request = AnalyzeRequest.Parser.ParseFrom(bytes);
            watch[0].Stop();
            var b1 = GC.GetAllocatedBytesForCurrentThread();
            watch[1].Start();
            var graph = AnalyzerGraphs.Single(request, bench.Identity);
            watch[1].Stop();
            var b2 = GC.GetAllocatedBytesForCurrentThread();
            watch[2].Start();
            Judgement.Resource(graph, request.Urn, policy, rules, WaiverSet.Empty);
            watch[2].Stop();
            parse += b1 - b0;
            map += b2 - b1;
            judge += GC.GetAllocatedBytesForCurrentThread() - b2;
        }
        var n = bench.ResourceRequests.Length;
        double Us(Stopwatch w) => w.Elapsed.TotalMicroseconds / n;
        Console.WriteLine($"  Analyze, per resource: {(CpuMs() - cpu) * 1000 / n:F1} µs cpu; wall: parse {Us(watch[0]):F1} µs {parse / n} B, " +
                          $"map {Us(watch[1]):F1} µs {map / n} B, judge {Us(watch[2]):F1} µs {judge / n} B");
    }
}
