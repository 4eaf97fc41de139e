using System.Diagnostics.Tracing;

namespace Enclave.Bench;

/// <summary>Time spent in garbage collections by generation (GCStart to GCEnd), for `loop` (a look, not a measurement).</summary>
internal sealed class GcPauseListener : EventListener
{
    private readonly double[] _ms = new double[3];
    private readonly int[] _count = new int[3];
    private DateTime _start;
    private int _depth;
    private object? _reason;

    /// <summary>Writes one line per collection (generation, reason, pause) to standard error.</summary>
    public bool Log { get; init; }

    public string Summary(int runs) => string.Join(", ", Enumerable.Range(0, 3).Select(g =>
        $"gen{g}: {_count[g]} GCs {_ms[g] / runs:F1} ms/run"));

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null) return;
        if (e.EventName.StartsWith("GCStart", StringComparison.Ordinal))
        {
            _start = e.TimeStamp;
            _depth = Convert.ToInt32(e.Payload![e.PayloadNames!.IndexOf("Depth")], System.Globalization.CultureInfo.InvariantCulture);
            _reason = e.Payload[e.PayloadNames.IndexOf("Reason")];
        }
        else if (e.EventName.StartsWith("GCEnd", StringComparison.Ordinal) && _depth is >= 0 and <= 2)
        {
            _ms[_depth] += (e.TimeStamp - _start).TotalMilliseconds;
            if (Log) Console.Error.WriteLine($"  gc gen{_depth} reason {_reason} {(e.TimeStamp - _start).TotalMilliseconds:F0} ms");
            _count[_depth]++;
        }
    }
}
