using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>R11: Autonomous Database is registered with Data Safe.</summary>
public sealed class DatabaseDataSafeRegistered : RuleBase
{
    public override RuleInfo Info { get; } = new(
        "ENC-DB-004", "Autonomous Database is registered with Data Safe", Severity.Medium, Enforcement.Mandatory,
        "Data Safe gives the US oversight activity auditing and sensitive-data discovery on the database.",
        "Set dataSafeStatus: REGISTERED.",
        Cis: "OBP-ADB-2");

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
            yield return Judge(db.Urn, db.Label, Assess(context, db));
    }

    private static Assessment Assess(RuleContext context, ResourceNode db)
    {
        return new Assessment().Require(db.Input("dataSafeStatus").EqualsString("REGISTERED", StringComparison.OrdinalIgnoreCase), "dataSafeStatus is REGISTERED");
    }
}
