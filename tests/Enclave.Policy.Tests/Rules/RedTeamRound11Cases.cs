using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 11 (network, data and oversight side). The rules judged a resource's inputs (what the program set);
/// a deployed state also holds its outputs (what the cloud has, after <c>pulumi refresh</c>, or kept by
/// <c>ignoreChanges</c>), where a change made in the console shows alone: a bucket made public, an open rule added to
/// a security list, the archive's retention rule removed passed because the inputs still said closed (ENC-GOV-092).
/// A key's shape was held inert ("how strong, not who may use it"): an AES-128 or elliptic-curve key passed (ENC-KMS-092).
/// Where the database reads its admin password (secretId) was held inert as a credential: a secret of a parent-company
/// vault passed (ENC-GOV-023).
/// </summary>
public static class RedTeamRound11Cases
{
    private static void Deployed(GraphBuilder g, string name, string key, object? value)
    {
        var spec = g[name];
        foreach (var (k, v) in spec.Inputs) spec.Outputs.TryAdd(k, v);
        spec.Outputs[key] = value;
    }

    public static readonly RuleCase[] Failing =
    [
        new("ENC-GOV-092", "data bucket made public outside the stack", "data-bucket", g => Deployed(g, "data-bucket", "accessType", "ObjectRead")),
        new("ENC-GOV-092", "archive retention rule removed outside the stack", "archive", g => Deployed(g, "archive", "retentionRules", Array.Empty<object>())),
        new("ENC-GOV-092", "default security list given an open rule outside the stack", "default-sl", g =>
        {
            g.With("default-sl", "ingressSecurityRules", Array.Empty<object>());
            Deployed(g, "default-sl", "ingressSecurityRules", new[] { new { protocol = "all", source = "0.0.0.0/0" } });
        }),
        new("ENC-KMS-092", "key made AES-128", "key", g => g.With("key", "keyShape", new { algorithm = "AES", length = 16 })),
        new("ENC-KMS-092", "key made an elliptic-curve key", "key", g => g.With("key", "keyShape", new { algorithm = "ECDSA", length = 32, curveId = "NIST_P256" })),
        new("ENC-KMS-092", "key without a shape", "key", g => g.With("key", "keyShape", null)),
        new("ENC-GOV-023", "database admin password read from a secret of another vault", "adb",
            g => g.With("adb", "secretId", "ocid1.vaultsecret.oc1.iad.aaaaaaaaparentcosecret")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-KMS-092", "key length a secret", "key", g => g.With("key", "keyShape", new { algorithm = "AES", length = Secret })),
        new("ENC-GOV-092", "deployed access type of the data bucket is a secret", "data-bucket", g => Deployed(g, "data-bucket", "accessType", Secret)),
    ];
}
