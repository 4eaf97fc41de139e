using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-010: every dynamic group of the stack matches only the enclave's own kind of resource (an allow-listed
/// <c>resource.type</c>) in the enclave's compartments. Both pins are needed: the place alone hands the group's grants
/// (the database's key and admin secret) to any function or instance someone creates in that compartment.
/// </summary>
public sealed class DynamicGroupsMatchEnclaveOnly : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-010", "Dynamic groups match only the enclave's own resource types in enclave compartments", Severity.Critical, Enforcement.Mandatory,
        "A dynamic group's grants go to every resource its matching rule selects: resource.type alone, or an ANY {…} with a tenancy-wide term, selects instances and functions anyone in the tenancy can create; a compartment without a type (or with another type) selects any function, instance or container created there. An unreadable rule (secret, or rejected by the parser) may select anything.",
        "Write matching rules as ALL {resource.type = 'autonomousdatabase', resource.compartment.id = '<enclave compartment>'} (resource.id of the stack's own resources may narrow it further), with no tenancy-wide alternative and no resource type the enclave's own dynamic groups do not use.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var identities = DataAccessJudge.For(context).Identities;
        foreach (var node in context.Graph.OfType(EnclaveIdentities.DynamicGroupType))
        {
            var outcome = identities.MatchesOnlyEnclave(node.Input("matchingRule"), out var why);
            // Stryker disable once String : finding wording (docs/testing.md)
            sink.Judge(node.Urn, outcome, $"{node.Label}: {why}", $"{node.Label}: {why}", $"{node.Label}: {why}");
        }
    }
}
