using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>R18 / CIS 6.2: only tenancy-level configuration lives in the root compartment.</summary>
public sealed class NothingInRootCompartment : SinkRuleBase
{
    /// <summary>Types that belong to the tenancy by nature (identity, audit, Cloud Guard, root event rules, budgets, quotas).</summary>
    private static readonly string[] TenancyLevelPrefixes =
    [
        "oci:Identity/", "oci:Audit/configuration:", "oci:CloudGuard/cloudGuardConfiguration:", "oci:CloudGuard/target:",
        "oci:Events/rule:", "oci:Budget/", "oci:Limits/quota:",
    ];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-004", "Nothing but tenancy-level settings in the root compartment", Severity.High, Enforcement.Mandatory,
        "Resources in the root compartment fall under tenancy-wide policies, outside the enclave compartment's security zone and the gatekeepers' compartment grants.",
        "Create workload, network, storage and security resources in the enclave compartments; keep only identity, audit, Cloud Guard, root event rules and budgets in the tenancy.",
        Cis: "6.2");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        // The graph is in URN order, so a type's resources mostly come together: its prefixes are tried once per run.
        string? lastType = null;
        var tenancyLevel = false;
        foreach (var node in context.Graph.Resources)
        {
            if (!OciTypes.IsOci(node.Type)) continue;
            var compartment = node.Input("compartmentId");
            if (compartment.IsNull) continue;
            if (!ReferenceEquals(node.Type, lastType)) (lastType, tenancyLevel) = (node.Type, IsTenancyLevel(node.Type));
            if (tenancyLevel) continue;
            var inRoot = Scope.InRootCompartment(context, node, compartment);
            // Only the message of the verdict reached is formatted (most resources pass).
            var label = node.Label;
            switch (inRoot.Not())
            {
                case Truth.True: sink.Pass(node.Urn, $"{label}: not in the root compartment"); break;
                case Truth.False: sink.Fail(node.Urn, $"{label}: created in the root compartment"); break;
                default:
                    sink.Undetermined(node.Urn, context.Policy.TenancyId is null
                        ? $"{label}: tenancy OCID not configured, cannot tell"
                        : $"{label}: compartment not known until deploy");
                    break;
            }
        }
    }

    private static bool IsTenancyLevel(string type)
    {
        foreach (var prefix in TenancyLevelPrefixes)
            if (type.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }
}
