using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>R3: any-user and any-group allows carry a principal-type or principal-compartment condition.</summary>
public sealed class AnyPrincipalScoped : IamTextRule
{
    public override RuleInfo Info { get; } = new(
        "ENC-IAM-002", "any-user and any-group grants are scoped to a principal type or compartment", Severity.High, Enforcement.Mandatory,
        "any-user includes every user, service and admitted foreign principal; without a request.principal.type or request.principal.compartment.id condition it grants the world.",
        "Add `where request.principal.type = '<type>'` (or a principal-compartment condition) to every any-user/any-group statement, or name a group instead.");

    protected override IEnumerable<(PolicyStatement, string)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct) =>
        PolicyFindings.UnscopedAnyPrincipal(distinct).Select(s => (s, "any-user/any-group without a principal-type or principal-compartment condition"));
}
