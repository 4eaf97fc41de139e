using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// R3: any-user and any-group allows are pinned to the enclave's own principals by their condition. A principal
/// type alone (<c>request.principal.type = 'instance'</c>) is every such resource of the tenancy, not a scope.
/// </summary>
public sealed class AnyPrincipalScoped : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-002", "any-user and any-group grants are pinned to the enclave's own principals", Severity.High, Enforcement.Mandatory,
        "any-user includes every user, service and admitted foreign principal; request.principal.type alone still admits every instance, function or connector anyone in the tenancy creates. Only the principal's compartment or id, pinned to the enclave, scopes it.",
        "Add request.principal.compartment.id = '<enclave compartment>' (or request.principal.id = '<enclave resource>') to every any-user/any-group statement, alongside its principal type, or name a persona group instead.");

    protected override IEnumerable<(PolicyStatement, Truth, string)> JudgeText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var judge = DataAccessJudge.For(context);
        foreach (var s in distinct)
        {
            if (s.Syntax is not GrantStatement { Effect: Effect.Allow, Subject: AnyUserSubject or AnyGroupSubject }) continue;
            foreach (var standing in judge.Standings(s))
                if (standing.Allowed != Truth.True) yield return (s, standing.Allowed, standing.Why);
        }
    }
}
