using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 9 (network, data and oversight side): an audit-alert connector left without its filter posts every
/// audit record of the region to the gatekeepers' topic, where the alerts drown (ENC-LOG-021). A database naming the
/// stack's key at the top level and another tenancy's key or vault in encryptionKey (ENC-DB-003 read only the first).
/// </summary>
public static class RedTeamRound9Cases
{
    public static readonly RuleCase[] Failing =
    [
        new("ENC-LOG-021", "audit-alert connector's tasks removed: every audit record floods the topic", null,
            g => g.With("audit-alerts", "tasks", Array.Empty<object>())),
        new("ENC-LOG-021", "audit-alert connector's tasks dropped from its inputs", null, g => g.With("audit-alerts", "tasks", null)),
        new("ENC-DB-003", "database names the stack's key and, in encryptionKey, another tenancy's", "adb", g => g.With("adb", "encryptionKey",
            new { autonomousDatabaseProvider = "OCI", kmsKeyId = "ocid1.key.oc1.iad.parentkey", vaultId = Ref("vault") })),
        new("ENC-DB-003", "database names the stack's vault and, in encryptionKey, another tenancy's", "adb", g => g.With("adb", "encryptionKey",
            new { vaultId = "ocid1.vault.oc1.iad.parentvault" })),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-LOG-021", "audit-alert connector's task list a secret", null, g => g.With("audit-alerts", "tasks", Secret)),
        new("ENC-DB-003", "database's encryptionKey key a secret beside its own kmsKeyId", "adb", g => g.With("adb", "encryptionKey",
            new { kmsKeyId = Secret })),
    ];
}
