using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>Every key is HSM-protected, stated explicitly: SOFTWARE keys leave the HSM, EXTERNAL keys leave OCI.</summary>
public sealed class KeysInHsm : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-004", "Keys are HSM-protected", Severity.High, Enforcement.Mandatory,
        "A SOFTWARE key is exportable key material outside the HSM; an EXTERNAL key is held by a key manager outside the enclave. Only an HSM key cannot leave the gatekeepers' vault.",
        "Set protectionMode: HSM on every key.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var key in context.Graph.OfType(OciTypes.Key))
        {
            var mode = key.Input("protectionMode");
            sink.Judge(key.Urn, mode.EqualsString("HSM", StringComparison.OrdinalIgnoreCase),
                $"{key.Label}: protectionMode is HSM",
                mode.IsNull ? $"{key.Label}: protectionMode is not set; state HSM (the default is the provider's choice, not the gatekeepers')"
                    : $"{key.Label}: protectionMode is {mode}, not HSM",
                $"{key.Label}: protectionMode not known until deploy");
        }
    }
}
