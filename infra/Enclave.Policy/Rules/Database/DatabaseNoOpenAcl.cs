using Enclave.Policy.Network;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>R11: Autonomous Database access list is not open.</summary>
public sealed class DatabaseNoOpenAcl : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-006", "Autonomous Database access list is not open", Severity.Critical, Enforcement.Mandatory,
        "An ACL entry of 0.0.0.0/0 or another near-open range (or a public database with no ACL at all) lets most of the internet attempt to connect.",
        "Use a private endpoint; if an ACL is set, list only enclave or gatekeeper CIDRs.",
        Cis: "2.8");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
            sink.Judge(db.Urn, db.Label, Assess(context, db));
    }

    private static Assessment Assess(RuleContext context, ResourceNode db)
    {
        var a = new Assessment();
        // whitelistedIps is what the program set (absent = none). standbyWhitelistedIps is computed by the provider when
        // not set, so unset it reads its output: unknown in a preview of a new database, known in deployed state.
        foreach (var (key, list) in new[] { ("whitelistedIps", db.Input("whitelistedIps")), ("standbyWhitelistedIps", db["standbyWhitelistedIps"]) })
        {
            if (!list.IsKnown) { a.Require(Truth.Unknown, $"{key} has no 0.0.0.0/0 entry"); continue; }
            foreach (var entry in list.AsList())
            {
                var open = Cidr.IsNearOpenValue(entry, context.Policy.NetworkLimits, out var reason);
                a.Require(open.Not(), $"{key} entry {entry} is not the internet or a near-open range",
                    whenViolated: open == Truth.True ? $"{key} entry {entry} {reason}" : null);
            }
        }
        var publicWithoutAcl = TruthLogic.Of(!Scope.IsSet(db.Input("subnetId")) && !Scope.IsSet(db.Input("whitelistedIps")));
        if (db.Input("subnetId").IsKnown && db.Input("whitelistedIps").IsKnown)
            a.Require(publicWithoutAcl.Not(), "the database is not public without an access list");
        return a;
    }
}
