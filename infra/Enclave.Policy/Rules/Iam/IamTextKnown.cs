using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-117: the texts that grant (policy statements, dynamic-group matching rules) are known before deployment.
/// A preview keeps undetermined verdicts advisory (<see cref="Engine.FailClosed"/>), and every IAM rule is undetermined
/// on a statement it cannot read, so a statement written as an <c>Apply</c> over another resource's output (a new
/// tag, a random value, a new compartment's id) passed a preview with any grant in it, the parent company's
/// <c>manage all-resources in tenancy</c> included, and was deployed unseen. Over a deployed stack every id a
/// statement names is known in a preview; only a resource the same change creates is not, and a statement can name
/// a new compartment by its name instead. So an unknown text fails, in every artifact; a secret one is ENC-GOV-006's.
/// </summary>
public sealed class IamTextKnown : SinkRuleBase
{
    private static readonly (string Type, string Key)[] Texts =
    [
        (OciTypes.Policy, "statements"),
        (OciTypes.DynamicGroup, "matchingRule"),
    ];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-117", "Policy statements and matching rules are known before deployment", Severity.Critical, Enforcement.Mandatory,
        "A statement or matching rule computed from another resource's output is unknown in a preview, where the gate keeps what it cannot read advisory: any grant could hide in it, pass review and be deployed by `pulumi up`.",
        "Write statements and matching rules from constants and stack config; name a compartment the same change creates by its name (`in compartment usde-prod:usde-prod-new`), or create it in an earlier deployment and name it by id afterwards.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var (read, failed) = (0, 0);
        foreach (var (type, key) in Texts)
            foreach (var node in context.Graph.OfType(type))
            {
                read++;
                var value = node.Input(key);
                if (value.ContainsSecret || !value.ContainsUnknown) continue;
                failed++;
                sink.Fail(node.Urn, $"{node.Label}: {key} {(value.IsUnknown ? "is" : "holds a part")} unknown before deployment{Governance.LiteralSettingsKnown.Source(node, key)}, so the gate cannot see what it grants; write it from constants and stack config");
            }
        if (failed == 0) sink.Pass(Scope.StackUrn(context.Graph), $"every policy statement and matching rule is known ({read} read)");
    }
}
