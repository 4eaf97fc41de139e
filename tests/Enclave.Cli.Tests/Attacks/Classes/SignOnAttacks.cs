using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Issue 11.4 (ENC-IAM-031): a persona grant that holds without MFA, or from a network other than the persona's own
/// (a phished password, the parent company's office), each added to or edited in one policy of the deployed prod stack;
/// and the tenancy's password policy weakened (ENC-IAM-032, CIS 1.4).
/// </summary>
public sealed class SignOnAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Auditors = "group 'UsdsEnclave'/'usde-prod-auditors'";
    private const string Gatekeepers = "group 'UsdsEnclave'/'usde-prod-gatekeepers'";
    private const string Mfa = "request.user.mfaTotpVerified = 'true'";
    private const string GatekeeperNet = "request.networkSource.name = 'usde-prod-gatekeeper-networks'";
    private const string AuditorNet = "request.networkSource.name = 'usde-prod-auditor-networks'";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("auditors read audit events without MFA or network source", "ENC-IAM-031",
            p => Add(p, "iam-auditors-root", $"allow {Auditors} to read audit-events in tenancy"));
        yield return Attack("MFA dropped from every gatekeeper grant of one policy", "ENC-IAM-031", p =>
        {
            var policy = p.Resource("iam-gatekeepers-root", PolicyType);
            var statements = policy.Inputs["statements"]!.AsArray();
            for (var i = 0; i < statements.Count; i++)
                policy.Set($"statements[{i}]", statements[i]!.GetValue<string>()
                    .Replace($", {Mfa}", "", StringComparison.Ordinal).Replace($"{Mfa}, ", "", StringComparison.Ordinal));
            return policy.Urn;
        });
        yield return Attack("MFA made optional by an any {…}", "ENC-IAM-031",
            p => Add(p, "iam-gatekeepers", $"allow {Gatekeepers} to manage keys in tenancy where all {{{GatekeeperNet}, any {{{Mfa}, request.user.name = 'svc-deploy'}}}}"));
        yield return Attack("gatekeepers admitted from the auditors' network", "ENC-IAM-031",
            p => Add(p, "iam-gatekeepers", $"allow {Gatekeepers} to manage vaults in tenancy where all {{{AuditorNet}, {Mfa}}}"));
        yield return Attack("auditors admitted from a network source the stack does not declare", "ENC-IAM-031",
            p => Add(p, "iam-auditors-root", $"allow {Auditors} to read audit-events in tenancy where all {{request.networkSource.name = 'parent-hq', {Mfa}}}"));
        // ENC-IAM-032 (CIS 1.4): the tenancy's password policy.
        yield return Attack("8-character passwords", "ENC-IAM-032", p =>
        {
            var policy = p.Resource("iam-password-policy");
            policy.Set("passwordPolicy.minimumPasswordLength", 8);
            return policy.Urn;
        });
        yield return Attack("user names allowed inside passwords", "ENC-IAM-032", p =>
        {
            var policy = p.Resource("iam-password-policy");
            policy.Set("passwordPolicy.isUsernameContainmentAllowed", true);
            return policy.Urn;
        });
        yield return Attack("password policy dropped from the stack", "ENC-IAM-032", p =>
        {
            p.Remove("iam-password-policy");
            return p.StackUrn;
        });
        yield return Legitimate("auditors read audit events with MFA from their own network",
            p => Add(p, "iam-auditors-root", $"allow {Auditors} to read audit-events in tenancy where all {{{AuditorNet}, {Mfa}}}"));
    }

    private static string Add(Prod p, string policy, string statement)
    {
        var edit = p.Resource(policy, PolicyType);
        edit.Append("statements", statement);
        return edit.Urn;
    }
}
