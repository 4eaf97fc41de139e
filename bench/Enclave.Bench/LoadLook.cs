using System.Diagnostics;
using Enclave.Policy.Loaders;

namespace Enclave.Bench;

/// <summary>
/// `load FILE [RUNS]`: the loader alone, again and again, with the figures that do not depend on how loaded the
/// machine is: bytes allocated, and what the graph keeps alive (heap after a full collection, with and without the
/// graph). CPU ms per run too (the minimum is the least disturbed). A look, not a measurement.
/// </summary>
internal static class LoadLook
{
    public static void Run(string file, int runs)
    {
        var cpu = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var empty = GC.GetTotalMemory(forceFullCollection: true);
            var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
            var t0 = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var graph = ArtifactLoader.LoadArtifact(file).Graph;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var t1 = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcs;
            var retained = GC.GetTotalMemory(forceFullCollection: true) - empty;
            cpu.Add(t1 - t0);
            Console.WriteLine($"{graph.Resources.Length} resources: load {t1 - t0:F0} ms cpu, {allocated / 1e6:F0} MB allocated, " +
                              $"{retained / 1e6:F0} MB retained by the graph, {gcs} collections");
            GC.KeepAlive(graph);
        }
        cpu.Sort();
        if (Environment.GetEnvironmentVariable("LOAD_ALLOC") is { Length: > 0 })
        {
            // LOAD_ALLOC=1: what one more load allocates, by type (sampled every ≈100 KB).
            using var sampler = new AllocationSampler();
            GC.KeepAlive(ArtifactLoader.LoadArtifact(file).Graph);
            foreach (var ((type, heap), bytes) in sampler.Bytes.OrderByDescending(kv => kv.Value).Take(25))
                Console.WriteLine($"{bytes / 1e6,8:F1} MB  {heap}  {type}");
        }
        Console.WriteLine($"min {cpu[0]:F0} ms, median {cpu[cpu.Count / 2]:F0} ms cpu per load");
    }
}
