using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Enclave.Bench;

/// <summary>
/// Throughput column: the benchmark's <c>Resources</c> parameter divided by its mean time. The work is
/// single-threaded, so this is resources per second per core.
/// </summary>
public sealed class ResourcesPerSecondColumn : IColumn
{
    public string Id => nameof(ResourcesPerSecondColumn);
    public string ColumnName => "Resources/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Resources of the graph per second of mean time (one core)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var resources = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Resources")?.Value;
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (resources is not int n || mean is not double ns || ns <= 0) return "-";
        return (n / (ns / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }
}
