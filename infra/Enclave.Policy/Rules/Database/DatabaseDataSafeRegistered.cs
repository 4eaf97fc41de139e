using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// R11: Autonomous Database is registered with Data Safe. A database with a private endpoint (no public one) can only
/// be reached by Data Safe through a Data Safe private endpoint, so its registration must be a Data Safe target
/// database connected that way; <c>dataSafeStatus: REGISTERED</c> alone counts only for a database without one.
/// </summary>
public sealed class DatabaseDataSafeRegistered : RuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-004", "Autonomous Database is registered with Data Safe", Severity.Medium, Enforcement.Mandatory,
        "Data Safe gives the US oversight activity auditing (the database's own audit trail: who read which data) and sensitive-data discovery; a private-endpoint database is only reachable by Data Safe through a Data Safe private endpoint.",
        "Declare a DataSafe.DataSafePrivateEndpoint in the database's VCN and a DataSafe.TargetDatabase (databaseType AUTONOMOUS_DATABASE, connectionOption PRIVATE_ENDPOINT with that endpoint); without a private endpoint, dataSafeStatus: REGISTERED.",
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
        var g = context.Graph;
        var endpoints = g.OfType(OciTypes.DataSafePrivateEndpoint).ToList();
        var throughPrivateEndpoint = Truth.False;
        foreach (var target in g.OfType(OciTypes.DataSafeTargetDatabase))
        {
            var details = target.Input("databaseDetails");
            var option = target.Input("connectionOption");
            var names = References.Identifies(g, target, "databaseDetails", details["autonomousDatabaseId"], db)
                .And(details["databaseType"].EqualsString("AUTONOMOUS_DATABASE", StringComparison.OrdinalIgnoreCase));
            var privately = option["connectionType"].EqualsString("PRIVATE_ENDPOINT", StringComparison.OrdinalIgnoreCase)
                .And(endpoints.Aggregate(Truth.False, (t, e) => t.Or(References.Identifies(g, target, "connectionOption", option["datasafePrivateEndpointId"], e))));
            throughPrivateEndpoint = throughPrivateEndpoint.Or(names.And(privately));
        }
        var hasPrivateEndpoint = db.Input("subnetId").IsNull ? Truth.False : Truth.True;
        var statusRegistered = db.Input("dataSafeStatus").EqualsString("REGISTERED", StringComparison.OrdinalIgnoreCase);
        return new Assessment().Require(throughPrivateEndpoint.Or(hasPrivateEndpoint.Not().And(statusRegistered)),
            "registered with Data Safe (through a Data Safe private endpoint when the database has a private endpoint)");
    }
}
