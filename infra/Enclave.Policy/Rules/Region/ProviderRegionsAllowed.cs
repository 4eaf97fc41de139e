using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Region;

/// <summary>R1: every OCI provider (explicit or default) and the stack's deployment and home regions are US regions on the allow-list.</summary>
public sealed class ProviderRegionsAllowed : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-REG-001", "Providers deploy only to allowed US regions", Severity.Critical, Enforcement.Mandatory,
        "US users' data must stay in US regions: a provider pointed at another region would create resources there, and the home region holds IAM.",
        "Set `oci:region` and every explicit `oci.Provider` region to a region of `allowedRegions` (a provider without a region, e.g. one configured only by a config-file profile, fails); keep `allowedRegions` to US regions.",
        Cis: null);

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var allowed = context.Policy.AllowedRegions;
        var stack = new Assessment()
            .Require(TruthLogic.Of(allowed.Length > 0 && allowed.All(r => r.StartsWith("us-", StringComparison.OrdinalIgnoreCase))),
                $"allowedRegions lists only US regions ({string.Join(", ", allowed)})");
        if (context.Policy.DeploymentRegion is { } deploy)
            stack.Require(Regions.Allowed(PropertyValue.Of(deploy), allowed), $"deployment region {deploy} is allowed");
        if (context.Policy.HomeRegion is { } home)
            stack.Require(Regions.Allowed(PropertyValue.Of(home), allowed), $"home region {home} is allowed");
        sink.Judge(Scope.StackUrn(context.Graph), "stack regions", stack);

        foreach (var provider in context.Graph.OfType(OciTypes.Provider))
        {
            var region = provider.Input("region");
            // A default provider without its own region reads the stack's oci:region, when the artifact carries it.
            if (region.IsNull && RegionResolver.IsDefaultProvider(provider.Name) && provider.Region is { } config)
                region = PropertyValue.Of(config);
            if (region.IsNull)
            {
                // Not "unknown until deploy": the region would come from the deploying machine (OCI_REGION, a
                // config-file profile), which no artifact shows. An allow-list cannot pass what it cannot see.
                sink.Fail(provider.Urn, $"{provider.Label}: no region set; it would come from the deploying environment (OCI_REGION or a config-file profile), which the gate cannot see: set region to one of {string.Join(", ", allowed)}");
                continue;
            }
            sink.Judge(provider.Urn, Regions.Allowed(region, allowed),
                $"{provider.Label}: region {region} is allowed",
                $"{provider.Label}: region {region} is not in the allow-list ({string.Join(", ", allowed)})",
                $"{provider.Label}: region not known until deploy");
        }
    }
}
