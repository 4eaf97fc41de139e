using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>R17: vaults live in the security compartment (a compartment of this stack named *security*), never in root.</summary>
public sealed class VaultInSecurityCompartment : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-002", "Vaults live in the security compartment", Severity.Medium, Enforcement.Mandatory,
        "Keys are the gatekeepers' kill switch; in the security compartment only they can manage them, apart from the operators who manage the workloads.",
        "Create the Vault in the enclave's security compartment (a compartment whose name contains \"security\").");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var security = g.OfType(OciTypes.Compartment)
            .Where(c => c.Input("name").AsString()?.Contains("security", StringComparison.OrdinalIgnoreCase) == true);
        var securitySet = References.Set(security);
        foreach (var vault in g.OfType(OciTypes.Vault))
        {
            var inSecurity = References.IdentifiesAny(g, vault, "compartmentId", vault.Input("compartmentId"), securitySet);
            sink.Judge(vault.Urn, inSecurity,
                $"{vault.Label}: in the security compartment",
                securitySet.Count == 0 ? $"{vault.Label}: the stack declares no security compartment" : $"{vault.Label}: not in the security compartment",
                $"{vault.Label}: compartment not known until deploy");
        }
    }
}
