using Enclave.Alerts;

namespace Enclave.Policy.Rules.Logging;

/// <summary>Event types beyond CIS that reveal a way out of the enclave or a blinding of its oversight: the gate's view
/// of <see cref="ThreatEventAlerts"/>, the list the program declares its threat rules from.</summary>
public static class ThreatEventTypes
{
    public static readonly IReadOnlyList<(string Topic, string[] EventTypes)> All =
        [.. ThreatEventAlerts.All.Select(a => (a.Topic, a.EventTypes.ToArray()))];
}
