using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 11 (network, data and oversight side). The rules judged a resource's inputs (what the program set);
/// a deployed state also holds its outputs (what the cloud has, after <c>pulumi refresh</c>, or kept by
/// <c>ignoreChanges</c>), where a change made in the console shows alone: a bucket made public, an open rule added to
/// a security list, the archive's retention rule removed passed because the inputs still said closed (ENC-GOV-092).
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
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-GOV-092", "deployed access type of the data bucket is a secret", "data-bucket", g => Deployed(g, "data-bucket", "accessType", Secret)),
    ];
}
