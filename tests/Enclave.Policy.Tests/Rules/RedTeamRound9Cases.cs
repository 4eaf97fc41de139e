using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 9 (network, data and oversight side): an audit-alert connector left without its filter posts every
/// audit record of the region to the gatekeepers' topic, where the alerts drown (ENC-LOG-021).
/// </summary>
public static class RedTeamRound9Cases
{
    public static readonly RuleCase[] Failing =
    [
        new("ENC-LOG-021", "audit-alert connector's tasks removed: every audit record floods the topic", null,
            g => g.With("audit-alerts", "tasks", Array.Empty<object>())),
        new("ENC-LOG-021", "audit-alert connector's tasks dropped from its inputs", null, g => g.With("audit-alerts", "tasks", null)),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-LOG-021", "audit-alert connector's task list a secret", null, g => g.With("audit-alerts", "tasks", Secret)),
    ];
}
