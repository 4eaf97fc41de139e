using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>R11: Autonomous Database has a private endpoint in the enclave.</summary>
public sealed class DatabasePrivateEndpoint : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-001", "Autonomous Database has a private endpoint in the enclave", Severity.Critical, Enforcement.Mandatory,
        "Without a private endpoint the database listens on a public endpoint reachable from the internet; a subnet of the enclave VCN keeps it inside the firewall.",
        "Set subnetId to an enclave subnet (and nsgIds to the database NSG).",
        Cis: "2.8 (OBP-ADB-5)");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
            sink.Judge(db.Urn, db.Label, Assess(context, db));
    }

    private static Assessment Assess(RuleContext context, ResourceNode db)
    {
        var subnets = NodeSets.Of(context.Graph, OciTypes.Subnet);
        var subnet = db.Input("subnetId");
        return new Assessment()
            .Require(Scope.Present(db, "subnetId", subnet), "subnetId is set (private endpoint)")
            .Require(Scope.IsSet(subnet) ? References.IdentifiesAny(context.Graph, db, "subnetId", subnet, subnets) : Truth.False,
                "subnetId is a subnet of this stack");
    }
}
