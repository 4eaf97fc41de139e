using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// A provider that names a tenancy names the stack's: an explicit provider whose <c>tenancyOcid</c> is another
/// tenancy (the parent company's, or any other) would create the enclave's resources, or copies of them, there,
/// under that tenancy's administrators and policies. A provider that names none signs in as the deploying
/// environment's identity, whose tenancy the resources' compartments then show (ENC-GOV-021).
/// </summary>
public sealed class ProvidersInStackTenancy : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-022", "Providers act only in the stack's tenancy", Severity.Critical, Enforcement.Mandatory,
        "A provider configured for another tenancy creates resources there, where that tenancy's administrators (the parent company's, or anyone's) hold every right and none of the enclave's rules or gatekeepers apply.",
        "Remove tenancyOcid from the provider, or set it to the stack's oci:tenancyOcid.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var tenancy = context.Policy.TenancyId;
        foreach (var provider in context.Graph.OfType(OciTypes.Provider))
        {
            var value = provider.Input("tenancyOcid");
            if (value.IsNull) { sink.Pass(provider.Urn, $"{provider.Label}: names no other tenancy"); continue; }
            var text = value.AsString();
            if (text is null || tenancy is null)
            {
                sink.Undetermined(provider.Urn, tenancy is null
                    ? $"{provider.Label}: tenancy OCID not configured, cannot tell whether the provider's tenancy is the stack's"
                    : $"{provider.Label}: tenancy not known until deploy");
                continue;
            }
            sink.Add(string.Equals(text, tenancy, StringComparison.Ordinal)
                ? Pass(provider.Urn, $"{provider.Label}: the stack's tenancy")
                : Fail(provider.Urn, $"{provider.Label}: tenancyOcid {text} is not the stack's tenancy {tenancy}"));
        }
    }
}
