using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// Issue 11.4 / CIS 1.4: the stack declares the tenancy's authentication policy, and every one it declares asks for
/// passwords of at least 14 characters with lower- and upper-case letters, digits and special characters, and no user
/// name inside. Several policies on the tenancy overwrite each other, so each must hold on its own. (Expiry and
/// history, CIS 1.5/1.6, live in the identity domain's password policy, outside the provider subset.)
/// </summary>
public sealed class PasswordPolicyMeetsCis : SinkRuleBase
{
    private const int MinimumLength = 14;
    private static readonly string[] Required =
        ["isLowercaseCharactersRequired", "isUppercaseCharactersRequired", "isNumericCharactersRequired", "isSpecialCharactersRequired"];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-032", "The tenancy's password policy meets CIS", Severity.Medium, Enforcement.Mandatory,
        "Local passwords are what a credential-stuffing run against the console tries first; left to OCI's defaults (or weakened by hand), a short password is the weakest door into the enclave's IAM.",
        "Declare oci.Identity.AuthenticationPolicy on the tenancy with passwordPolicy {minimumPasswordLength >= 14, isLowercaseCharactersRequired, isUppercaseCharactersRequired, isNumericCharactersRequired, isSpecialCharactersRequired: true, isUsernameContainmentAllowed: false}.",
        Cis: "1.4");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var policies = context.Graph.OfType(OciTypes.AuthenticationPolicy).ToList();
        var onTenancy = Truth.False;
        foreach (var policy in policies)
        {
            var tenancy = Scope.InRootCompartment(context, policy);
            onTenancy = onTenancy.Or(tenancy);
            var password = policy.Input("passwordPolicy");
            var a = new Assessment()
                .Require(tenancy, "is the tenancy's (root compartment)")
                .Require(password["minimumPasswordLength"].Test(v => v.AsNumber() >= MinimumLength), $"asks for at least {MinimumLength} characters");
            foreach (var flag in Required)
                a.Require(password[flag].EqualsBool(true), $"{flag} is true");
            a.Require(password["isUsernameContainmentAllowed"].EqualsBool(false), "isUsernameContainmentAllowed is false");
            sink.Judge(policy.Urn, policy.Label, a);
        }
        if (policies.Count == 0)
            sink.Fail(Scope.StackUrn(context.Graph), "no Identity.AuthenticationPolicy declared: the tenancy keeps OCI's default password policy");
        else if (onTenancy != Truth.True)
            sink.Judge(Scope.StackUrn(context.Graph), "the tenancy's password policy", new Assessment().Require(onTenancy, "an authentication policy is declared on the tenancy"));
    }
}
