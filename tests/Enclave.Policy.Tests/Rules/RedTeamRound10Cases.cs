using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 10 (network, data and oversight side). A bucket replicating by a policy the stack does not hold
/// (made in the console or another stack: the deployed bucket says <c>replicationEnabled</c>) copied every object to a
/// destination no rule saw (ENC-REG-002 judged only the stack's ReplicationPolicy resources); a database with a remote
/// standby added the same way (its <c>peerDbIds</c>) kept a copy in any region, and so did a vault replica (its
/// <c>replicaDetails</c>). An event rule's ONS action
/// that also names a stream or function, and a secret rotated by the stack's database that also names a function, carry
/// a second destination the rules ignored (ENC-LOG-007, ENC-KMS-050).
/// </summary>
public static class RedTeamRound10Cases
{
    private static void OnsAction(GraphBuilder g, object extra) => g.With("cis-events", "actions", new
    {
        action = new[] { Merge(new { actionType = "ONS", isEnabled = true, topicId = Ref("topic") }, extra) },
    });

    private static Dictionary<string, object?> Merge(object a, object b) =>
        new[] { a, b }.SelectMany(o => o.GetType().GetProperties().Select(p => (p.Name, Value: p.GetValue(o))))
            .ToDictionary(p => p.Name, p => p.Value);

    private static void RotatedByDatabase(GraphBuilder g, object? functionId) => g.Add(OciTypes.VaultSecret, "admin-secret", new
    {
        compartmentId = Ref("security"), secretName = "admin", vaultId = Ref("vault"), keyId = Ref("key"),
        rotationConfig = new { targetSystemDetails = new Dictionary<string, object?> { ["targetSystemType"] = "ADB", ["adbId"] = Ref("adb"), ["functionId"] = functionId } },
    });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-REG-002", "data bucket says it replicates, by no replication policy of the stack", "data-bucket",
            g => g.With("data-bucket", "replicationEnabled", true)),
        new("ENC-REG-002", "archive bucket's replication flag not a boolean", "archive", g => g.With("archive", "replicationEnabled", "yes")),
        new("ENC-REG-002", "database lists a Frankfurt standby the stack does not hold", "adb",
            g => g.With("adb", "peerDbIds", new[] { "ocid1.autonomousdatabase.oc1.eu-frankfurt-1.aaaaaaaaoutofband" })),
        new("ENC-REG-002", "database lists a standby the stack does not hold in an allowed region", "adb",
            g => g.With("adb", "peerDbIds", "ocid1.autonomousdatabase.oc1.iad.aaaaaaaaoutofband")),
        new("ENC-REG-002", "vault replicated by no VaultVerification of the stack", "vault",
            g => g.With("vault", "replicaDetails", new[] { new { replicationId = "ocid1.vaultreplication.oc1..outofband" } })),
        new("ENC-LOG-007", "ONS action to the stack's topic also names a stream", "cis-events",
            g => OnsAction(g, new { streamId = "ocid1.stream.oc1.iad.aaaaaaaaparentstream" })),
        new("ENC-LOG-007", "ONS action to the stack's topic also names a function", "cis-events",
            g => OnsAction(g, new { functionId = "ocid1.fnfunc.oc1.iad.aaaaaaaaparentfn" })),
        new("ENC-KMS-050", "secret rotated by the stack's database also names a function", "admin-secret",
            g => RotatedByDatabase(g, "ocid1.fnfunc.oc1.iad.aaaaaaaaparentfn")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-REG-002", "data bucket's replication flag unknown", "data-bucket", g => g.With("data-bucket", "replicationEnabled", Unknown)),
        new("ENC-REG-002", "database's remote standbys unknown", "adb", g => g.With("adb", "peerDbIds", Unknown)),
        new("ENC-REG-002", "database's remote standby a secret", "adb", g => g.With("adb", "peerDbIds", new[] { Secret })),
        new("ENC-REG-002", "vault's replica details unknown", "vault", g => g.With("vault", "replicaDetails", Unknown)),
        new("ENC-LOG-007", "ONS action's stream unknown", "cis-events", g => OnsAction(g, new { streamId = Unknown })),
        new("ENC-KMS-050", "database rotation's function unknown", "admin-secret", g => RotatedByDatabase(g, Unknown)),
    ];
}
