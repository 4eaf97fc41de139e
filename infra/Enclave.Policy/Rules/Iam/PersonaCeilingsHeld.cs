using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>ENC-IAM-009: every persona's grants on data stay under its ceiling (<see cref="PersonaCeilings"/>).</summary>
public sealed class PersonaCeilingsHeld : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-009", "Persona grants stay under their declared ceilings", Severity.Critical, Enforcement.Mandatory,
        "Each persona holds only what its job needs: operators never manage keys or vaults, never delete the database or share objects by URL; auditors read logs and configuration, never user data; storage admins only delete. A grant above the ceiling turns one compromised account into a path to the data.",
        "Lower the verb, or add the condition the ceiling asks for: request.permission != '…' exclusions (AUTONOMOUS_DATABASE_DELETE, PAR_MANAGE, AUTONOMOUS_DATABASE_CONTENT_READ, …), request.networkSource.name = the gatekeeper network source, target.bucket.name = a log archive bucket for auditor object reads.");

    protected override IEnumerable<(PolicyStatement, Truth, string)> JudgeText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var judge = DataAccessJudge.For(context);
        foreach (var s in distinct)
            foreach (var (outcome, problem) in judge.AboveCeilings(s))
                yield return (s, outcome, problem);  // only grants above a ceiling: never True
    }
}
