using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>R11: Autonomous Database is not Always Free.</summary>
public sealed class DatabaseNotFreeTier : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-007", "Autonomous Database is not Always Free", Severity.Medium, Enforcement.Mandatory,
        "Always Free databases cannot use private endpoints, customer-managed keys or security zones.",
        "Set isFreeTier: false (or leave it unset).",
        Cis: null)
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
            sink.Judge(db.Urn, db.Label, Assess(context, db));
    }

    private static Assessment Assess(RuleContext context, ResourceNode db)
    {
        var free = db.Input("isFreeTier");
        return new Assessment().Require(free.IsNull ? Truth.True : free.EqualsBool(false), "isFreeTier is not true");
    }
}
