using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Enclave.Bench;

/// <summary>
/// The process CPU time of each call of a benchmark (<see cref="Measure{T}"/> wraps the call). On this shared machine
/// the wall-clock mean mostly measures how long the benchmark waited for a core; CPU time is what a target "on one
/// core" is about. Process time includes the garbage collections the call caused (the bench's workstation,
/// non-concurrent GC collects on the calling thread) and anything else running in the process, so it never flatters.
/// Only meaningful in-process (<c>--inProcess</c>): the column reads the samples this process took.
/// </summary>
public static class CpuTime
{
    private static readonly ConcurrentDictionary<(string Method, int Resources), ConcurrentQueue<double>> Samples = new();

    public static T Measure<T>(string method, int resources, Func<T> call)
    {
        var before = Environment.CpuUsage.TotalTime;
        var result = call();
        var ms = (Environment.CpuUsage.TotalTime - before).TotalMilliseconds;
        Samples.GetOrAdd((method, resources), _ => new ConcurrentQueue<double>()).Enqueue(ms);
        return result;
    }

    /// <summary>The median over every call (pilot, warm-up and measured ones alike: the median shrugs off the first, jitting call).</summary>
    public static double? MedianMs(string method, int resources)
    {
        if (!Samples.TryGetValue((method, resources), out var queue) || queue.IsEmpty) return null;
        var sorted = queue.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>Shows <see cref="CpuTime.MedianMs"/> of each benchmark case (its method and its <c>Resources</c> parameter).</summary>
public sealed class CpuTimeColumn : IColumn
{
    public string Id => nameof(CpuTimeColumn);
    public string ColumnName => "CPU/op (median)";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Median process CPU time per call, in ms, over every call in this process";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var resources = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Resources")?.Value;
        if (resources is not int n) return "-";
        // A benchmark with a Rule parameter (RuleBreakdownBenchmarks) keeps its samples per rule.
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rule")?.Value is string rule) method = $"{method}:{rule}";
        return CpuTime.MedianMs(method, n) is { } ms
            ? ms.ToString("N1", CultureInfo.InvariantCulture) + " ms"
            : "- (run --inProcess)";
    }
}

/// <summary>Adds the <see cref="CpuTimeColumn"/> to a benchmark class whose benchmarks call <see cref="CpuTime.Measure{T}"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CpuTimeAttribute() : ColumnConfigBaseAttribute(new CpuTimeColumn());
