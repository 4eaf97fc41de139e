using Enclave.Alerts;

namespace Enclave.Policy.Rules.Logging;

/// <summary>The event types each CIS v3.0 notification recommendation requires: the gate's view of
/// <see cref="CisEventAlerts"/>, the list the program declares its rules from (Oracle's spellings, no checker aliases).</summary>
public static class CisEventTypes
{
    public static readonly IReadOnlyList<(string Cis, string Topic, string[] EventTypes)> All =
        [.. CisEventAlerts.All.Select(a => (a.Cis!, a.Topic, a.EventTypes.ToArray()))];

    /// <inheritdoc cref="EventTypes.Normalise"/>
    public static string Normalise(string eventType) => EventTypes.Normalise(eventType);
}
