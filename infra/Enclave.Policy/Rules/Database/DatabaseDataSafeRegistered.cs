using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// R11: Autonomous Database is registered with Data Safe. A database with a private endpoint (no public one) can only
/// be reached by Data Safe through a Data Safe private endpoint, so its registration must be a Data Safe target
/// database connected that way; <c>dataSafeStatus: REGISTERED</c> alone counts only for a database without one. The
/// database's own <c>dataSafeStatus</c> is held at unset or REGISTERED on every database, standbys included: the
/// provider deregisters a database set to NOT_REGISTERED (or anything else) from Data Safe while its target database
/// stays in the state, so the registration read from the target would be a dead one. A target registers an Autonomous
/// Database of Oracle's cloud (<c>infrastructureType</c> unset or ORACLE_CLOUD), the only kind that names one.
/// </summary>
public sealed class DatabaseDataSafeRegistered : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-004", "Autonomous Database is registered with Data Safe", Severity.Medium, Enforcement.Mandatory,
        "Data Safe gives the US oversight activity auditing (the database's own audit trail: who read which data) and sensitive-data discovery; a private-endpoint database is only reachable by Data Safe through a Data Safe private endpoint.",
        "Declare a DataSafe.DataSafePrivateEndpoint in the database's VCN and a DataSafe.TargetDatabase (databaseType AUTONOMOUS_DATABASE, infrastructureType unset or ORACLE_CLOUD, connectionOption PRIVATE_ENDPOINT with that endpoint); without a private endpoint, dataSafeStatus: REGISTERED. Never set dataSafeStatus to anything but REGISTERED (NOT_REGISTERED deregisters the database).",
        Cis: "OBP-ADB-2");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var registrations = new Registrations(context.Graph);
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
        {
            // A cross-region standby inherits its primary's Data Safe registration: judge the primary.
            var primary = Standby.PrimaryOf(context.Graph, db);
            var a = Assess(context.Graph, registrations, primary ?? db);
            // Its own status too: a standby set to NOT_REGISTERED is deregistered whatever its primary says.
            var status = db.Input("dataSafeStatus");
            var kept = StatusKept.Judge(status);
            a.Require(kept, StatusKept.Requirement, whenViolated: kept == Truth.False
                ? $"dataSafeStatus is {status}: the provider deregisters the database from Data Safe (its audit trail goes unread) while its target database stays in the state"
                : null);
            sink.Judge(db.Urn, primary is null ? db.Label : $"{db.Label} (standby of {primary.Name})", a);
        }
    }

    /// <summary>The program leaves dataSafeStatus unset (registration is the target database's); REGISTERED says the same.</summary>
    private static readonly Pin StatusKept = Pin.UnsetOr("dataSafeStatus", "REGISTERED");

    private static Assessment Assess(ResourceGraph g, Registrations registrations, ResourceNode db)
    {
        var throughPrivateEndpoint = Truth.False;
        foreach (var r in registrations.MayName(db))
            throughPrivateEndpoint = throughPrivateEndpoint.Or(
                References.Identifies(g, r.Target, "databaseDetails", r.DatabaseId, db).And(r.IsAutonomous).And(r.Privately));
        var hasPrivateEndpoint = db.Input("subnetId").IsNull ? Truth.False : Truth.True;
        var statusRegistered = db.Input("dataSafeStatus").EqualsString("REGISTERED", StringComparison.OrdinalIgnoreCase);
        return new Assessment().Require(throughPrivateEndpoint.Or(hasPrivateEndpoint.Not().And(statusRegistered)),
            "registered with Data Safe (through a Data Safe private endpoint when the database has a private endpoint)");
    }

    /// <summary>A Data Safe target database as read once per run: the database it names, and how it connects.</summary>
    private sealed record Registration(ResourceNode Target, PropertyValue DatabaseId, Truth IsAutonomous, Truth Privately);

    /// <summary>
    /// Every target database of the graph, read once, and found by the database id it names: asking each database
    /// against every target (and each target against every endpoint) again was quadratic at scale.
    /// </summary>
    private sealed class Registrations
    {
        private readonly List<Registration> _all = [];
        private readonly Dictionary<string, List<Registration>> _byIdText = new(StringComparer.Ordinal);
        private readonly List<Registration> _notText = [];

        public Registrations(ResourceGraph g)
        {
            var endpoints = g.OfType(OciTypes.DataSafePrivateEndpoint).ToList();
            foreach (var target in g.OfType(OciTypes.DataSafeTargetDatabase))
            {
                var details = target.Input("databaseDetails");
                var option = target.Input("connectionOption");
                var privately = option["connectionType"].EqualsString("PRIVATE_ENDPOINT", StringComparison.OrdinalIgnoreCase)
                    .And(endpoints.Aggregate(Truth.False, (t, e) => t.Or(References.Identifies(g, target, "connectionOption", option["datasafePrivateEndpointId"], e))));
                var infrastructure = details["infrastructureType"];
                var r = new Registration(target, details["autonomousDatabaseId"],
                    details["databaseType"].EqualsString("AUTONOMOUS_DATABASE", StringComparison.OrdinalIgnoreCase)
                        .And(infrastructure.IsNull ? Truth.True : infrastructure.EqualsString("ORACLE_CLOUD", StringComparison.OrdinalIgnoreCase)),
                    privately);
                _all.Add(r);
                if (r.DatabaseId.AsString() is { } text)
                {
                    if (!_byIdText.TryGetValue(text, out var same)) _byIdText[text] = same = [];
                    same.Add(r);
                }
                else _notText.Add(r);
            }
        }

        /// <summary>
        /// The registrations that may name <paramref name="db"/>: when its id is known, an id written as text names it
        /// only if it is that text (<see cref="References.Identifies"/>); the rest (references, unknowns, secrets) may.
        /// </summary>
        public IEnumerable<Registration> MayName(ResourceNode db) =>
            db.Id.AsString() is { } id ? (_byIdText.GetValueOrDefault(id) ?? []).Concat(_notText) : _all;
    }
}
