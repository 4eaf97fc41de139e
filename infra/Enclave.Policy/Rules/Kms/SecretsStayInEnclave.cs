using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>
/// A vault secret (the database's ADMIN password) is a key to the data: it may be copied only into a vault of this
/// stack in an allowed region, encrypted by a key of this stack, and handed for rotation only to a database of this
/// stack. A replica in a Frankfurt vault, or a rotation function no rule reads, would give the password to whoever
/// runs them.
/// </summary>
public sealed class SecretsStayInEnclave : SinkRuleBase
{
    public const string SecretType = "oci:Vault/secret:Secret";

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-050", "Secrets are replicated and rotated only within the enclave", Severity.Critical, Enforcement.Mandatory,
        "A secret's replicationConfig copies its content to another vault (any region, any tenancy's vault) and its rotationConfig hands it to a database or function on every rotation: either is a copy of a credential to the US data outside what the gatekeepers hold.",
        "Remove replicationConfig, or replicate only to a vault of this stack in an allowed region with a key of this stack; rotate only through targetSystemType ADB with an Autonomous Database of this stack.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var allowed = context.Policy.AllowedRegions;
        var secrets = 0;
        foreach (var secret in g.OfType(SecretType))
        {
            secrets++;
            var a = new Assessment();
            var replication = secret.Input("replicationConfig");
            if (!replication.IsNull)
            {
                var targets = replication["replicationTargets"];
                if (!replication.IsKnown || !targets.IsKnown) a.Require(Truth.Unknown, "its replication targets can be read");
                foreach (var t in targets.AsList())
                {
                    a.Require(Regions.Allowed(t["targetRegion"], allowed), $"replica region {t["targetRegion"]} is allowed");
                    a.Require(References.IdentifiesAny(g, secret, "replicationConfig", t["targetVaultId"], NodeSets.Of(g, OciTypes.Vault)),
                        $"replica vault {t["targetVaultId"]} is a vault of this stack");
                    if (!t["targetKeyId"].IsNull)
                        a.Require(References.IdentifiesAny(g, secret, "replicationConfig", t["targetKeyId"], NodeSets.Of(g, OciTypes.Key)),
                            $"replica key {t["targetKeyId"]} is a key of this stack");
                }
            }
            var rotation = secret.Input("rotationConfig")["targetSystemDetails"];
            if (!rotation.IsNull)
            {
                a.Require(rotation["targetSystemType"].EqualsString("ADB", StringComparison.OrdinalIgnoreCase),
                    $"rotation targets a database (targetSystemType {rotation["targetSystemType"]}), never a function");
                a.Require(References.IdentifiesAny(g, secret, "rotationConfig", rotation["adbId"], NodeSets.Of(g, OciTypes.AutonomousDatabase)),
                    $"rotation database {rotation["adbId"]} is one of this stack");
                // A function named beside the database is a second rotator the service may call with the secret.
                a.Require(Scope.Present(rotation["functionId"]).Not(), $"rotation names no function (functionId {rotation["functionId"]})");
            }
            if (a.IsEmpty) a.Require(Truth.True, "not replicated, rotated by no other system");
            sink.Judge(secret.Urn, secret.Label, a);
        }
        if (secrets == 0) sink.Pass(Scope.StackUrn(g), "no vault secret to copy or rotate");
    }
}
