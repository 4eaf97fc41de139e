using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>CIS 1.3: tenancy-level grants on groups keep the Administrators group out of reach.</summary>
public sealed class AdministratorsGroupProtected : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-007", "Tenancy group grants exclude the Administrators group", Severity.High, Enforcement.Mandatory,
        "Whoever may use or manage groups in the tenancy can add themselves to Administrators unless the grant excludes it.",
        "Add `where target.group.name != 'Administrators'` to tenancy-level use/manage grants on groups (and separate inspect statements as CIS shows).",
        Cis: "1.3");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct) =>
        // Stryker disable once String : finding wording; on the statement's first line, where Stryker reads it (docs/testing.md)
        PolicyFindings.AdministratorsGroupUnguarded(distinct)
            .Select(s => (s, "tenancy grant on groups without target.group.name != 'Administrators'"));
}
