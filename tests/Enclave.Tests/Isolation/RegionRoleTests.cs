using Enclave.Components.Regions;
using Enclave.Configuration;
using Enclave.Tests.Support;
using Pulumi;

namespace Enclave.Tests.Isolation;

/// <summary>
/// Which regions the enclave uses and in which role (docs/testing.md, survivors of the `Components/Regions` run): the
/// roles decide where vaults, keys, archives and IAM go, so a region counted twice or in the wrong role puts data keys
/// or logs where they do not belong. And the deploy-time residency check: a tenancy whose real home region is not the
/// configured one, or that is not subscribed to a region the stack uses, stops the program with one clear line.
/// </summary>
public sealed class RegionRoleTests
{
    // Of only stores the providers, so a stand-in made without a deployment will do.
    private static readonly ProviderResource Provider =
        (ProviderResource)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(Pulumi.Oci.Provider));

    [Theory]
    // deployment, home, standby, with a standby provider → (name, deployment, home, standby) of each region, in order
    [InlineData("us-ashburn-1", "us-ashburn-1", "us-phoenix-1", true, "us-ashburn-1 D H;us-phoenix-1 S")]
    [InlineData("us-ashburn-1", "us-phoenix-1", "us-phoenix-1", true, "us-ashburn-1 D;us-phoenix-1 H S")]
    [InlineData("us-ashburn-1", "us-phoenix-1", "us-sanjose-1", true, "us-ashburn-1 D;us-phoenix-1 H;us-sanjose-1 S")]
    [InlineData("us-ashburn-1", "us-phoenix-1", null, false, "us-ashburn-1 D;us-phoenix-1 H")]
    [InlineData("us-ashburn-1", "us-ashburn-1", "us-phoenix-1", false, "us-ashburn-1 D H")]
    public void EachRegionIsUsedOnceInEveryRoleItPlays(string deployment, string home, string? standby, bool standbyProvider,
        string expected)
    {
        var regions = EnclaveRegion.Of(deployment, home, Provider, standby, standbyProvider ? Provider : null);

        Assert.Equal(expected, string.Join(";", regions.Select(r =>
            r.Name + (r.IsDeployment ? " D" : "") + (r.IsHome ? " H" : "") + (r.IsStandby ? " S" : ""))));
    }

    [Fact]
    public void Residency_AcceptsTheTenancyWhenNoRegionIsFlaggedHome()
    {
        var settings = Prod();
        var subscriptions = settings.AllowedRegions.Select(r => new SubscribedRegion(r, IsHome: false)).ToList();

        Assert.Equal(subscriptions.Select(s => s.Name), RegionResidency.Verify(settings, subscriptions));
    }

    [Fact]
    public void Residency_StopsWhenTheTenancysHomeRegionIsNotTheConfiguredOne()
    {
        var settings = Prod();
        var other = settings.AllowedRegions.First(r => r != settings.HomeRegion);
        var subscriptions = settings.AllowedRegions.Select(r => new SubscribedRegion(r, IsHome: r == other)).ToList();

        var error = Assert.Throws<RunException>(() => RegionResidency.Verify(settings, subscriptions));
        Assert.Contains($"homeRegion is '{settings.HomeRegion}' but the tenancy's home region is '{other}'", error.Message);
    }

    [Fact]
    public void Residency_StopsWhenARegionTheStackUsesIsNotSubscribed()
    {
        var settings = Prod();
        var standby = settings.Database.StandbyRegion!;
        var subscriptions = settings.AllowedRegions.Where(r => r != standby)
            .Select(r => new SubscribedRegion(r, IsHome: r == settings.HomeRegion)).ToList();

        var error = Assert.Throws<RunException>(() => RegionResidency.Verify(settings, subscriptions));
        Assert.Contains($"the tenancy is not subscribed to region '{standby}' used by this stack", error.Message);
    }

    [Fact]
    public void Residency_NamesTheRegionsOutsideTheAllowList()
    {
        var settings = Prod();
        var subscriptions = settings.AllowedRegions.Select(r => new SubscribedRegion(r, IsHome: r == settings.HomeRegion))
            .Append(new SubscribedRegion("eu-frankfurt-1", IsHome: false)).ToList();

        var error = Assert.Throws<RunException>(() => RegionResidency.Verify(settings, subscriptions));
        Assert.Contains("subscribed to region(s) outside allowedRegions: eu-frankfurt-1 (allowed: " +
                        string.Join(", ", settings.AllowedRegions) + ")", error.Message);
    }

    private static EnclaveSettings Prod() => EnclaveConfig.Load(StackFiles.Load("prod").Source, "prod");
}
