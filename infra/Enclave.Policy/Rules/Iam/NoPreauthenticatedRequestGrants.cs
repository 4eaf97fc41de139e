using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>Issue 11.1: no grant in the enclave lets anyone (any persona, group, dynamic group or service) create a PAR.</summary>
public sealed class NoPreauthenticatedRequestGrants : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-030", "No grant lets anyone create pre-authenticated requests", Severity.Critical, Enforcement.Mandatory,
        "A pre-authenticated request is a bearer URL to a bucket or object: whoever holds it reads or writes the data from anywhere, past IAM, the network sources, MFA and the firewall. Nobody in the enclave needs one.",
        "Add `request.permission != 'PAR_MANAGE'` to every manage grant on object-family, buckets or all-resources (or pin request.permission to another permission), and never list PAR_MANAGE in a permission list.");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct) =>
        // Stryker disable once String : finding wording (docs/testing.md)
        PolicyFindings.ParCreators(distinct).Select(s => (s, "may grant PAR_MANAGE (create pre-authenticated requests)"));
}
