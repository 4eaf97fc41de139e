using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>Every vault is a virtual private vault: its own HSM partition, not one shared with other tenants.</summary>
public sealed class VaultsVirtualPrivate : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-003", "Vaults are virtual private vaults", Severity.High, Enforcement.Mandatory,
        "A DEFAULT vault shares an HSM partition with other tenants and cannot rotate keys automatically; an external vault keeps the keys with whoever runs the external key manager. The enclave's keys live in its own partition.",
        "Set vaultType: VIRTUAL_PRIVATE (config `vault.type`) and remove externalKeyManagerMetadata.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var vault in context.Graph.OfType(OciTypes.Vault))
        {
            var type = vault.Input("vaultType");
            sink.Judge(vault.Urn, vault.Label, new Assessment()
                .Require(type.EqualsString("VIRTUAL_PRIVATE", StringComparison.OrdinalIgnoreCase), $"vaultType ({type}) is VIRTUAL_PRIVATE")
                .Require(Scope.Present(vault.Input("externalKeyManagerMetadata")).Not(), "no external key manager holds its keys",
                    whenViolated: "externalKeyManagerMetadata is set: the keys live in an external key manager"));
        }
    }
}
