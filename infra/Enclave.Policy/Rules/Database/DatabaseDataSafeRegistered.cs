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
        {
            // A cross-region standby inherits its primary's Data Safe registration: judge the primary.
            var primary = Standby.PrimaryOf(context.Graph, db);
            yield return Judge(db.Urn, primary is null ? db.Label : $"{db.Label} (standby of {primary.Name})", Assess(context, primary ?? db));
        }
    }

    private static Assessment Assess(RuleContext context, ResourceNode db)
    {
        return new Assessment().Require(db.Input("dataSafeStatus").EqualsString("REGISTERED", StringComparison.OrdinalIgnoreCase), "dataSafeStatus is REGISTERED");
    }
}
