using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>R11: Autonomous Database is encrypted with a customer-managed key.</summary>
public sealed class DatabaseCustomerManagedKey : RuleBase
{
    public override RuleInfo Info { get; } = new(
        "ENC-DB-003", "Autonomous Database is encrypted with a customer-managed key", Severity.High, Enforcement.Mandatory,
        "With an Oracle-managed key the gatekeepers cannot revoke access to the data; a Vault key they control is the kill switch.",
        "Set kmsKeyId and vaultId (or encryptionKey.kmsKeyId/vaultId) to the enclave vault's key.",
        Cis: "OBP-ADB-3");

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
        {
            // A cross-region standby inherits its primary's key: judge the primary.
            var primary = Standby.PrimaryOf(context.Graph, db);
            yield return Judge(db.Urn, primary is null ? db.Label : $"{db.Label} (standby of {primary.Name})", Assess(context, primary ?? db));
        }
    }

    private static Assessment Assess(RuleContext context, ResourceNode db)
    {
        var keys = NodeSets.Of(context.Graph, OciTypes.Key);
        var (keyInput, key) = db.Input("kmsKeyId").IsNull ? ("encryptionKey", db.Input("encryptionKey")["kmsKeyId"]) : ("kmsKeyId", db.Input("kmsKeyId"));
        var vault = db.Input("vaultId").IsNull ? db.Input("encryptionKey")["vaultId"] : db.Input("vaultId");
        var vaultInput = db.Input("vaultId").IsNull ? "encryptionKey" : "vaultId";
        var a = new Assessment().Require(Scope.Present(db, keyInput, key), "a kmsKeyId is set").Require(Scope.Present(db, vaultInput, vault), "a vaultId is set");
        if (Scope.IsSet(key) && keys.Count > 0)
            a.Require(References.IdentifiesAny(context.Graph, db, keyInput, key, keys), "the key is a key of this stack");
        return a;
    }
}
