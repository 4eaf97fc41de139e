using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>Data residency (R1): every region the enclave touches is an allowed US region.</summary>
public static class ResidencyRules
{
    /// <summary>The commercial US regions an enclave may ever use.</summary>
    public static readonly string[] UsRegions = ["us-ashburn-1", "us-phoenix-1", "us-sanjose-1", "us-chicago-1"];

    public static IReadOnlyList<string> ProvidersAreInAllowedUsRegions(Deployed d)
    {
        var check = new Check();
        bool Allowed(string? region) => region is not null && UsRegions.Contains(region) && d.Settings.AllowedRegions.Contains(region);
        check.That(Allowed(d.Settings.DeploymentRegion), $"deployment region {d.Settings.DeploymentRegion} is not an allowed US region");
        foreach (var provider in d.OfType(Deployed.ProviderType))
            check.That(Allowed(provider.Str("region")), $"provider {provider.Name} targets region '{provider.Str("region")}'");
        foreach (var resource in d.OciResources)
            check.That(Allowed(d.RegionOf(resource)), $"{resource.Where()} is created in {d.RegionOf(resource)}");
        return check.Violations;
    }

    /// <summary>Home-region objects go through an explicit provider for the home region.</summary>
    public static readonly string[] HomeRegionTypes =
    [
        Oci.Compartment, Oci.TagNamespace, Oci.Tag, Oci.TagDefault, Oci.AuditConfiguration, Oci.CloudGuardConfiguration,
        Oci.SecurityRecipe, Oci.SecurityZone, Oci.Group, Oci.DynamicGroup, Oci.NetworkSource, Oci.Policy,
    ];

    public static IReadOnlyList<string> HomeRegionResourcesUseHomeProvider(Deployed d)
    {
        var check = new Check();
        foreach (var resource in d.Resources.Where(r => HomeRegionTypes.Contains(r.Type)))
        {
            check.That(resource.Provider != "", $"{resource.Where()} uses the default (deployment-region) provider");
            check.That(d.RegionOf(resource) == d.Settings.HomeRegion,
                $"{resource.Where()} is created in {d.RegionOf(resource)}, not the home region {d.Settings.HomeRegion}");
        }
        return check.Violations;
    }
}
