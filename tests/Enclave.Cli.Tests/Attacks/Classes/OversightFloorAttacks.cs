using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Blinding US oversight by taking grants away (ENC-IAM-116, the grant floor): deleting the auditors' or Cloud Guard's
/// policies, or one statement of them, grants no one anything, so no ceiling or allow-list rule sees it.
/// </summary>
public sealed class OversightFloorAttacks : AttackClass
{
    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("auditors' enclave policy deleted", "ENC-IAM-116", p => Delete(p, "iam-auditors"));
        yield return Attack("auditors' tenancy policy deleted", "ENC-IAM-116", p => Delete(p, "iam-auditors-root"));
        yield return Attack("Cloud Guard's policy deleted", "ENC-IAM-116", p => Delete(p, "iam-services-root"));
        yield return Attack("auditors' audit-events statement dropped", "ENC-IAM-116", p => Drop(p, "iam-auditors-root", "read audit-events"));
        yield return Attack("auditors' log-content statement dropped", "ENC-IAM-116", p => Drop(p, "iam-auditors", "read log-content"));
        // Both forms: the auditors' narrower reads of the enclave once left this undetermined (advisory in a preview), not failed.
        yield return Attack("auditors' inspect of the enclave dropped", "ENC-IAM-116", p => Drop(p, "iam-auditors", "inspect all-resources"));
        // Hardening, not blinding: a duplicate of the auditors' own grant changes nothing the floor needs.
        yield return Legitimate("auditors' audit-events statement written twice", p =>
        {
            var policy = p.Resource("iam-auditors-root");
            var statement = policy.Get("statements")!.AsArray().Select(s => s!.GetValue<string>()).First(s => s.Contains("read audit-events", StringComparison.Ordinal));
            policy.Append("statements", statement);
        });
    }

    private static string Delete(Prod p, string policy)
    {
        p.Remove(policy);
        return p.StackUrn;
    }

    private static string Drop(Prod p, string policy, string containing)
    {
        var edit = p.Resource(policy);
        var statements = edit.Get("statements")!.AsArray();
        var index = statements.Select(s => s!.GetValue<string>()).ToList().FindIndex(s => s.Contains(containing, StringComparison.Ordinal));
        if (index < 0) throw new ArgumentException($"{policy} has no statement with '{containing}'");
        edit.Remove($"statements[{index}]");
        return p.StackUrn;
    }
}
