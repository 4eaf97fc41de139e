using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-008: on every data-bearing type only the declared personas and the enclave's own principals hold access.
/// An allow-list, not a deny-list: any other group, user, dynamic group, any-user or any-group is a violation
/// whatever its condition, unless the condition pins the principal to the enclave's own identities.
/// </summary>
public sealed class DataReachedOnlyByAllowList : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-008", "Only the declared personas and the enclave's own principals reach data", Severity.Critical, Enforcement.Mandatory,
        "The firewall is the list of who may reach objects, databases, keys and logs: a grant to any other group, dynamic group, service, any-user or any-group (a parent-company identity federated in, a careless team, a tenancy-wide resource type) opens the enclave whatever the parent-exclusion list says.",
        "Grant data-bearing types (objects, buckets, autonomous databases and backups, vaults, keys, secrets, logs) only to the persona groups of the stack config, the stack's own dynamic groups, Object Storage of an allowed region or Cloud Guard; scope any-user grants with request.principal.compartment.id or request.principal.id of the enclave.");

    protected override IEnumerable<(PolicyStatement, Truth, string)> JudgeText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var judge = DataAccessJudge.For(context);
        foreach (var s in distinct)
            foreach (var (outcome, problem) in judge.Outsiders(s))
                yield return (s, outcome, problem);  // only principals off the allow-list: never True
    }
}
