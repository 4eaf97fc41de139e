using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// R11: Autonomous Database is encrypted with a customer-managed key of this stack, in a vault of this stack: the key
/// and the vault a database (standbys included) names are both the enclave's own, so the gatekeepers hold the kill
/// switch; a vault OCID of someone else's beside the stack's key is wiring no other rule read.
/// </summary>
public sealed class DatabaseCustomerManagedKey : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-003", "Autonomous Database is encrypted with a customer-managed key", Severity.High, Enforcement.Mandatory,
        "With an Oracle-managed key the gatekeepers cannot revoke access to the data; a Vault key they control is the kill switch.",
        "Set kmsKeyId and vaultId (or encryptionKey.kmsKeyId/vaultId) to the enclave vault's key; a cross-region standby names its primary's key (or none: OCI uses the primary's).",
        Cis: "OBP-ADB-3");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var keys = NodeSets.Of(context.Graph, OciTypes.Key);
        var vaults = NodeSets.Of(context.Graph, OciTypes.Vault);
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
        {
            // A cross-region standby is encrypted with its primary's (replicated) key: judge the primary, and a key the
            // standby names itself must be that one.
            var primary = Standby.PrimaryOf(context.Graph, db);
            var a = Assess(context, primary ?? db, keys);
            OwnVault(context.Graph, db, vaults, a);
            if (primary is not null && Scope.IsSet(KeyOf(db).Value))
                a.Require(SameKey(context.Graph, db, primary, keys), "its kmsKeyId is its primary's key (OCI encrypts a standby with it)");
            sink.Judge(db.Urn, primary is null ? db.Label : $"{db.Label} (standby of {primary.Name})", a);
        }
    }

    /// <summary>Every vault the database itself names (<c>vaultId</c> and <c>encryptionKey.vaultId</c>) is a vault of this stack.</summary>
    private static void OwnVault(ResourceGraph g, ResourceNode db, IReadOnlyCollection<ResourceNode> vaults, Assessment a)
    {
        foreach (var (input, vault) in Named(db, "vaultId"))
        {
            if (!Scope.IsSet(vault)) continue;
            var own = vaults.Count == 0 ? Truth.False : References.IdentifiesAny(g, db, input, vault, vaults);
            a.Require(own, $"its {Path(input, "vaultId")} {vault} is a vault of this stack",
                whenViolated: own == Truth.False ? $"its {Path(input, "vaultId")} {vault} is not a vault of this stack: the database's key is read from a vault the gatekeepers may not hold" : null);
        }
    }

    /// <summary>The key a database names: <c>kmsKeyId</c>, else <c>encryptionKey.kmsKeyId</c>, with the input it is under.</summary>
    private static (string Input, PropertyValue Value) KeyOf(ResourceNode db) =>
        db.Input("kmsKeyId").IsNull ? ("encryptionKey", db.Input("encryptionKey")["kmsKeyId"]) : ("kmsKeyId", db.Input("kmsKeyId"));

    private static Assessment Assess(RuleContext context, ResourceNode db, IReadOnlyCollection<ResourceNode> keys)
    {
        var (keyInput, key) = KeyOf(db);
        var vault = db.Input("vaultId").IsNull ? db.Input("encryptionKey")["vaultId"] : db.Input("vaultId");
        var vaultInput = db.Input("vaultId").IsNull ? "encryptionKey" : "vaultId";
        var a = new Assessment().Require(Scope.Present(db, keyInput, key), "a kmsKeyId is set").Require(Scope.Present(db, vaultInput, vault), "a vaultId is set");
        if (keys.Count > 0)
            foreach (var (input, named) in Named(db, "kmsKeyId").Where(n => Scope.IsSet(n.Value)))
                a.Require(References.IdentifiesAny(context.Graph, db, input, named, keys), $"the key of {Path(input, "kmsKeyId")} is a key of this stack");
        return a;
    }

    /// <summary>
    /// The values of <paramref name="field"/> at the top level and in <c>encryptionKey</c>, each that is set: a database
    /// naming the stack's key in one and another tenancy's in the other (the provider sends both; which one OCI uses is
    /// not the gate's to guess) passed, because only the first was read. Both are judged.
    /// </summary>
    private static IEnumerable<(string Input, PropertyValue Value)> Named(ResourceNode db, string field)
    {
        if (!db.Input(field).IsNull) yield return (field, db.Input(field));
        if (!db.Input("encryptionKey")[field].IsNull) yield return ("encryptionKey", db.Input("encryptionKey")[field]);
    }

    private static string Path(string input, string field) => input == field ? field : $"{input}.{field}";

    /// <summary>
    /// Do the standby and its primary name the same key? Two known OCIDs are compared as text; otherwise they must both
    /// identify one key of the stack (an unknown value is traced through its property dependencies).
    /// </summary>
    private static Truth SameKey(ResourceGraph graph, ResourceNode standby, ResourceNode primary, IReadOnlyCollection<ResourceNode> keys)
    {
        var (standbyInput, standbyKey) = KeyOf(standby);
        var (primaryInput, primaryKey) = KeyOf(primary);
        if (primaryKey.IsNull) return Truth.False;  // the primary uses an Oracle-managed key, so the standby does too
        if (standbyKey is StringValue s && primaryKey is StringValue p) return TruthLogic.Of(s.Value == p.Value);
        if (keys.Count == 0) return Truth.Unknown;
        return keys.Any(k => References.Identifies(graph, standby, standbyInput, standbyKey, k)
            .And(References.Identifies(graph, primary, primaryInput, primaryKey, k)));
    }
}
