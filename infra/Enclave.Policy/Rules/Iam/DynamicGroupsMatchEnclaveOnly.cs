using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>ENC-IAM-010: every dynamic group of the stack matches only resources of the enclave's compartments.</summary>
public sealed class DynamicGroupsMatchEnclaveOnly : RuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-010", "Dynamic groups match only resources in enclave compartments", Severity.Critical, Enforcement.Mandatory,
        "A dynamic group's grants go to every resource its matching rule selects: resource.type alone, or an ANY {…} with a tenancy-wide term, selects instances and functions anyone in the tenancy can create.",
        "Write matching rules as ALL {resource.type = '…', resource.compartment.id = '<enclave compartment>'} (or pin resource.id), with no tenancy-wide alternative.");

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var identities = DataAccessJudge.For(context).Identities;
        foreach (var node in context.Graph.OfType(EnclaveIdentities.DynamicGroupType))
        {
            var outcome = identities.MatchesOnlyEnclave(node.Input("matchingRule"), out var why);
            yield return Judge(node.Urn, outcome, $"{node.Label}: {why}", $"{node.Label}: {why}", $"{node.Label}: {why}");
        }
    }
}
