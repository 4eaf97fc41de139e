using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// Every resource lives in one of the stack's own compartments (tenancy-level settings in the root compartment, which
/// ENC-GOV-004 judges), and the stack's compartments hang from each other or from the configured parent compartment.
/// A bucket, database or vault moved to a compartment the stack does not declare falls under whatever policies that
/// compartment tree carries (another team's, the parent company's, another tenancy's) and leaves the enclave's
/// security zone, Cloud Guard target and gatekeeper grants behind.
/// </summary>
public sealed class ResourcesInEnclaveCompartments : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-021", "Resources live in the enclave's own compartments", Severity.Critical, Enforcement.Mandatory,
        "A resource in a compartment the stack does not declare (or a stack compartment moved under another parent) falls under that compartment tree's policies, outside the enclave's security zone, Cloud Guard target and gatekeeper-only grants: other teams, the parent company or another tenancy may reach it.",
        "Set compartmentId to a compartment of the stack (a compartment of the stack to another compartment of the stack, the top compartment to parentCompartmentOcid or the tenancy).");

    private static readonly string[] CompartmentType = [OciTypes.Compartment];

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var compartments = NodeSets.Of(g, OciTypes.Compartment);
        var tenancy = context.Policy.TenancyId;
        foreach (var node in g.Resources)
        {
            if (!OciTypes.IsOci(node.Type)) continue;
            var value = node.Input("compartmentId");
            if (value.IsNull) continue;
            var label = node.Label;
            var ours = References.IdentifiesAny(g, node, "compartmentId", value, compartments, CompartmentType, except: node);
            if (ours == Truth.True) { sink.Pass(node.Urn, $"{label}: in a compartment of the stack"); continue; }
            var text = value.AsString();
            // The tenancy: tenancy-level settings belong there (ENC-GOV-004 judges which); the top compartment may hang
            // from the configured parent compartment.
            var allowedOutside = node.IsType(OciTypes.Compartment) ? context.Policy.EnclaveParentCompartment ?? tenancy : tenancy;
            if (text is not null && (text == tenancy || text == allowedOutside))
            {
                sink.Pass(node.Urn, $"{label}: in the {(text == tenancy ? "root compartment (judged by ENC-GOV-004)" : "configured parent compartment")}");
                continue;
            }
            if (ours == Truth.Unknown || text is null || allowedOutside is null)
            {
                sink.Undetermined(node.Urn, allowedOutside is null
                    ? $"{label}: tenancy OCID not configured, cannot tell whether its compartment is the enclave's"
                    : $"{label}: compartment not known until deploy");
                continue;
            }
            sink.Fail(node.Urn, $"{label}: in compartment {text}, which is not a compartment of the stack" +
                (node.IsType(OciTypes.Compartment) ? " nor the configured parent compartment" : ""));
        }
    }
}
