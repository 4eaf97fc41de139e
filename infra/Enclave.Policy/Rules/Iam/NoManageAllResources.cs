using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>R6 / CIS 1.2: no statement grants manage all-resources (the built-in Administrators policy is not ours to declare).</summary>
public sealed class NoManageAllResources : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-005", "No manage all-resources grants", Severity.High, Enforcement.Mandatory,
        "manage all-resources is every right on every resource, including IAM; only the tenancy's built-in Administrators policy may hold it.",
        "Replace manage all-resources with the families each persona needs (least privilege).",
        Cis: "1.2");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct) =>
        // Stryker disable once String : finding wording (docs/testing.md)
        PolicyFindings.ManageAllResources(distinct).Select(s => (s, "grants manage all-resources"));
}
