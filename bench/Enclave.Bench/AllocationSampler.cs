using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Enclave.Bench;

/// <summary>
/// Samples the runtime's allocation ticks (one event per ≈100 KB allocated) and sums them by type and heap
/// (small/large object heap): which objects the rules allocate, for `alloc N` (a look, not a measurement).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    public ConcurrentDictionary<(string Type, string Heap), long> Bytes { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        // GC keyword (0x1) at verbose level carries GCAllocationTick.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var kind = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture);
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        Bytes.AddOrUpdate((type, kind == 1 ? "LOH" : kind == 2 ? "POH" : "SOH"), amount, (_, v) => v + amount);
    }
}
