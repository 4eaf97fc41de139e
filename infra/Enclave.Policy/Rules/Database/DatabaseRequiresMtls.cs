using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>R11: Autonomous Database requires mutual TLS.</summary>
public sealed class DatabaseRequiresMtls : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-002", "Autonomous Database requires mutual TLS", Severity.High, Enforcement.Mandatory,
        "mTLS binds connections to a wallet the gatekeepers issue; the provider default changed to false in 2023, so it must be set explicitly.",
        "Set isMtlsConnectionRequired: true.",
        Cis: "OBP-ADB-1")
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
        return new Assessment().Require(db.Input("isMtlsConnectionRequired").EqualsBool(true), "isMtlsConnectionRequired is true");
    }
}
