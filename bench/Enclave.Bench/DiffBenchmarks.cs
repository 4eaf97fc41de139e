using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Review.Render;

namespace Enclave.Bench;

/// <summary>
/// Issue 5: <c>enclave diff BASE HEAD</c> of two plan documents, end to end minus file IO: both plan JSON documents
/// read, the semantic diff (with rule impacts from the plans' verdicts) and the Markdown review for a PR comment.
/// HEAD changes about 5% of BASE: updates, deletes, creates and one NSG rule opened to the world. The verdicts
/// are computed once in setup, as <c>enclave plan</c> would have written them.
/// </summary>
[MemoryDiagnoser]
[ResourcesPerSecond]
public class DiffBenchmarks
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private string _base = "";
    private string _head = "";

    [Params(1_000, 10_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var baseNodes = SyntheticEnclave.Resources(Resources);
        _base = Plan(baseNodes);
        _head = Plan(Change(baseNodes));
    }

    [Benchmark(Description = "diff two plans (read + diff + markdown)")]
    public int Diff()
    {
        var before = PlanJsonReader.Read(_base, "base.json");
        var after = PlanJsonReader.Read(_head, "head.json");
        var diff = DiffEngine.Compare(before.ToGraph("base.json"), after.ToGraph("head.json"),
            new DiffOptions("base.json", "head.json", before.Policy, after.Policy));
        return DiffMarkdownRenderer.Render(diff, limit: 60_000).Length;
    }

    /// <summary>The phases of <see cref="Diff"/> in CPU milliseconds (the machine is shared), for `profile-diff N`.</summary>
    public void Profile(TextWriter output)
    {
        static double Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var t0 = Cpu();
        var before = PlanJsonReader.Read(_base, "base.json");
        var after = PlanJsonReader.Read(_head, "head.json");
        var t1 = Cpu();
        var diff = DiffEngine.Compare(before.ToGraph("base.json"), after.ToGraph("head.json"),
            new DiffOptions("base.json", "head.json", before.Policy, after.Policy));
        var t2 = Cpu();
        var markdown = DiffMarkdownRenderer.Render(diff, limit: 60_000);
        var t3 = Cpu();
        output.WriteLine($"cpu ms: read {t1 - t0:F0}, diff {t2 - t1:F0}, markdown {t3 - t2:F0} ({markdown.Length} chars, " +
                         $"{before.Policy.Findings.Length} + {after.Policy.Findings.Length} findings)");
    }

    private static string Plan(ImmutableArray<ResourceNode> nodes)
    {
        var graph = new ResourceGraph("bench", "us-data-enclave", GraphOrigin.Plan, nodes, "synthetic");
        return PlanJsonWriter.Write(PlanDocument.Create(graph, PolicyVerdicts.Evaluate(graph, SyntheticEnclave.Policy, today: Today)));
    }

    /// <summary>Every 40th resource updated, every 100th deleted, 1% new buckets, the first database NSG rule opened to 0.0.0.0/0.</summary>
    internal static ImmutableArray<ResourceNode> Change(ImmutableArray<ResourceNode> nodes)
    {
        var head = new List<ResourceNode>(nodes.Length + nodes.Length / 100);
        var opened = false;
        for (var i = 0; i < nodes.Length; i++)
        {
            var n = nodes[i];
            if (i % 100 == 99 && n.Custom) continue;
            if (!opened && n.Name.EndsWith("-db-from-onprem", StringComparison.Ordinal))
            {
                n = With(n, "source", PropertyValue.Of("0.0.0.0/0"));
                opened = true;
            }
            else if (i % 40 == 7 && n.Custom)
                n = With(n, "freeformTags", PropertyValue.Map(("change", PropertyValue.Of($"c{i}"))));
            head.Add(n);
        }
        var template = nodes.First(n => n.Type == "oci:ObjectStorage/bucket:Bucket");
        for (var i = 0; i < nodes.Length / 100; i++)
            head.Add(template with { Urn = template.Urn + $"-new{i}", Name = template.Name + $"-new{i}", Id = PropertyValue.Unknown });
        return [.. head];
    }

    private static ResourceNode With(ResourceNode n, string key, PropertyValue value) =>
        n with { Inputs = new MapValue(n.Inputs.Fields.SetItem(key, value)) };
}
