using System.Diagnostics;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Rules;

namespace Enclave.Bench;

/// <summary>
/// Looks at the rules over a graph loaded from a stack export (what `enclave check --state FILE` judges), not the
/// synthetic graph: the export carries outputs and provider defaults, so rules read and report more there.
/// `alloc-file FILE`: what the rules allocate, by type (sampled); `profile-file FILE`: CPU ms and findings per rule.
/// Looks, not measurements.
/// </summary>
internal static class FileLook
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    public static void Alloc(string file)
    {
        var graph = ArtifactLoader.LoadArtifact(file).Graph;
        var policy = PulumiFiles.PolicyFor("prod");
        _ = PolicyEvaluator.Evaluate(graph, policy, today: Today); // views built, code warm
        using var sampler = new AllocationSampler();
        _ = PolicyEvaluator.Evaluate(graph, policy, today: Today);
        foreach (var ((type, heap), bytes) in sampler.Bytes.OrderByDescending(kv => kv.Value).Take(40))
            Console.WriteLine($"{bytes / 1e6,8:F1} MB  {heap}  {type}");
    }

    public static void Profile(string file)
    {
        static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var graph = ArtifactLoader.LoadArtifact(file).Graph;
        var policy = PulumiFiles.PolicyFor("prod");
        _ = PolicyEvaluator.Evaluate(graph, policy, today: Today); // views built, code warm
        var rows = new List<(string Id, double Ms, int Findings, double Mb)>();
        foreach (var rule in RuleCatalogue.All)
        {
            GC.Collect();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = CpuMs();
            var findings = PolicyEvaluator.Evaluate(graph, policy, today: Today, rules: [rule]).Findings.Length;
            rows.Add((rule.Info.Id, CpuMs() - start, findings, (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6));
        }
        foreach (var (id, ms, findings, mb) in rows.OrderByDescending(r => r.Ms))
            Console.WriteLine($"{id,-14} {ms,8:F0} ms cpu {findings,8} findings {mb,8:F1} MB");
        Console.WriteLine($"total {rows.Sum(r => r.Ms):F0} ms cpu, {rows.Sum(r => r.Findings)} findings, {rows.Sum(r => r.Mb):F0} MB");
    }
}
