using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>
/// ENC-KMS-092: the enclave's keys are master encryption keys of full strength: AES with a 256-bit (32-byte) length,
/// as the program makes them. A key recreated as AES-128 weakens every bucket, database, log group and secret it
/// encrypts, and an RSA or ECDSA key is not a master encryption key at all; both passed, because the key's shape was
/// held to be "how strong, not who may use it". An allow-list: any other shape fails, a shape the gate cannot read is
/// undetermined.
/// </summary>
public sealed class KeysFullStrength : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-092", "Keys are AES-256 master encryption keys", Severity.High, Enforcement.Mandatory,
        "Every bucket, database, log group and secret of the enclave is encrypted by one of its keys; a key made with a shorter length weakens all of them, and a key of another algorithm is not the master encryption key the program declares.",
        "Give every key keyShape { algorithm: AES, length: 32 }.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var key in context.Graph.OfType(OciTypes.Key))
        {
            var shape = key.Input("keyShape");
            var a = new Assessment();
            if (!shape.IsKnown) a.Require(Truth.Unknown, "keyShape is AES with length 32");
            else
            {
                var algorithm = shape["algorithm"];
                var length = shape["length"];
                a.Require(algorithm.EqualsString("AES", StringComparison.OrdinalIgnoreCase), $"keyShape.algorithm ({algorithm}) is AES");
                a.Require(length.IsKnown ? TruthLogic.Of(Numbers.Of(length) == 32) : Truth.Unknown, $"keyShape.length ({length}) is 32 (AES-256)");
            }
            sink.Judge(key.Urn, key.Label, a);
        }
    }
}
