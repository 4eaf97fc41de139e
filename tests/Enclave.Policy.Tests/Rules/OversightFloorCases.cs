using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The red team's blinding of US oversight (ENC-IAM-116, the grant floor): deleting the auditors' or Cloud Guard's
/// grants grants no one anything, so only a rule that asks "may they still?" sees it. Unreadable or deploy-time
/// statements leave the floor undetermined: they may or may not be the auditors' grant.
/// </summary>
public static class OversightFloorCases
{
    private static string[] Statements(GraphBuilder g) => (string[])g["oversight-policy"].Inputs["statements"]!;

    private static void Drop(GraphBuilder g, string containing) =>
        g.With("oversight-policy", "statements", Statements(g).Where(s => !s.Contains(containing, StringComparison.Ordinal)).ToArray());

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IAM-116", "the oversight policy deleted", null, g => g.Remove("oversight-policy")),
        new("ENC-IAM-116", "the auditors' audit-events statement dropped", null, g => Drop(g, "audit-events")),
        new("ENC-IAM-116", "the auditors' log-content statement dropped", null, g => Drop(g, "log-content")),
        new("ENC-IAM-116", "Cloud Guard's use of NSGs dropped", null, g => Drop(g, "network-security-groups")),
        new("ENC-IAM-116", "the auditors' grants moved to networks that are not theirs", null, g =>
            g.With("oversight-policy", "statements", Statements(g).Select(s => s.Replace(CompliantEnclave.AuditorNetworkSource, "elsewhere-networks", StringComparison.Ordinal)).ToArray())),
        // A narrower grant can never give the floor's type: it leaves the grant missing, not undetermined (a preview keeps
        // undetermined findings advisory, so this edit once passed there).
        new("ENC-IAM-116", "the auditors' inspect of the enclave swapped for a read of its buckets", null, g =>
            g.With("oversight-policy", "statements", Statements(g).Select(s => s.Replace("inspect all-resources in compartment", "read buckets in compartment", StringComparison.Ordinal)).ToArray())),
        new("ENC-IAM-116", "the auditors' log-content statement swapped for a permission list", null, g =>
            g.With("oversight-policy", "statements", Statements(g).Select(s => s.Replace("read log-content", "{LOG_GROUP_INSPECT}", StringComparison.Ordinal)).ToArray())),
        new("ENC-IAM-116", "the auditors denied the log contents", null, g =>
            g.With("oversight-policy", "statements", Statements(g).Append("deny group enclave-auditors to read log-content in tenancy").ToArray())),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IAM-116", "the oversight policy's statements known only at deploy", null, g => g.With("oversight-policy", "statements", Unknown)),
        new("ENC-IAM-116", "the audit-events statement replaced by one known only at deploy", null, g =>
            g.With("oversight-policy", "statements", Statements(g).Select(s => s.Contains("audit-events", StringComparison.Ordinal) ? Unknown : (object)s).ToArray())),
    ];
}
