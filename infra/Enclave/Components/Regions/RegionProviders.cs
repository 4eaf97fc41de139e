using System.Collections.Immutable;
using Enclave.Configuration;
using Pulumi;
using Pulumi.Oci.Identity;
using OciProvider = Pulumi.Oci.Provider;

namespace Enclave.Components.Regions;

/// <summary>
/// Explicit OCI providers for the regions other than the deployment region: the home region (IAM, tags, Cloud Guard
/// configuration, root event rules) and the optional cross-region database standby. It also checks, at deploy time,
/// that the tenancy is subscribed only to allowed US regions and that its real home region is the configured one.
/// </summary>
public sealed class RegionProviders : EnclaveComponent
{
    public const string Type = "us-data-enclave:regions:Providers";

    /// <summary>Provider for the tenancy's home region.</summary>
    public OciProvider Home { get; }

    /// <summary>Provider for the database standby region, when one is configured.</summary>
    public OciProvider? Standby { get; }

    /// <summary>Every region the enclave uses (deployment first), with the provider that reaches it.</summary>
    public IReadOnlyList<EnclaveRegion> Regions { get; }

    /// <summary>Regions the tenancy is subscribed to (all of them allowed US regions once this resolves).</summary>
    public Output<ImmutableArray<string>> SubscribedRegions { get; }

    public RegionProviders(string name, EnclaveSettings settings, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        Home = NewProvider("home", settings.HomeRegion, settings);
        if (settings.Database.StandbyRegion is { } standbyRegion)
            Standby = NewProvider("standby", standbyRegion, settings);
        Regions = EnclaveRegion.Of(settings.DeploymentRegion, settings.HomeRegion, Home, settings.Database.StandbyRegion, Standby);

        SubscribedRegions = GetRegionSubscriptions
            .Invoke(new GetRegionSubscriptionsInvokeArgs { TenancyId = settings.TenancyOcid }, InvokeOptionsFor(Home))
            .Apply(result => RegionResidency.Verify(settings, result.RegionSubscriptions
                .Select(s => new SubscribedRegion(s.RegionName, s.IsHomeRegion)).ToList()));

        RegisterOutputs();
    }

    private OciProvider NewProvider(string local, string region, EnclaveSettings settings) =>
        new(ChildName(local), ExplicitProviderArgs.For(region, settings.TenancyOcid), ChildOptions());
}
