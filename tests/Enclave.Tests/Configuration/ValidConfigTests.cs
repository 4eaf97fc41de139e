using Enclave.Configuration;

namespace Enclave.Tests.Configuration;

public class ValidConfigTests
{
    [Fact]
    public void Valid_config_maps_every_key_to_the_settings()
    {
        var result = new ConfigBuilder().Parse("staging");

        Assert.True(result.IsValid, result.Message);
        var s = result.Settings!;
        Assert.Equal("staging", s.Stack);
        Assert.Equal("us-ashburn-1", s.DeploymentRegion);
        Assert.Equal("us-ashburn-1", s.HomeRegion);
        Assert.Equal<string>(["us-ashburn-1", "us-phoenix-1"], s.AllowedRegions.ToArray());
        Assert.Equal(ServiceGatewayScope.ObjectStorage, s.Network.ServiceGateway);
        Assert.Equal<string>(["172.16.0.0/20"], s.Network.OnPremCidrs.ToArray());
        Assert.Equal("usde-gatekeepers", s.Groups.Gatekeeper);
        Assert.Null(s.Groups.IdentityDomain);
        Assert.Equal<string>(["ParentCo/Administrators", "ParentCo-GlobalAdmins"], s.ParentExclusions.Groups.ToArray());
        Assert.Equal(2, s.Database.ComputeCount);
        Assert.True(s.Database.LocalDataGuard);
        Assert.Equal("us-phoenix-1", s.Database.StandbyRegion);
        Assert.Equal("LICENSE_INCLUDED", s.Database.LicenseModel);
        Assert.Equal(VaultType.VirtualPrivate, s.Vault.Type);
        Assert.Equal(90, s.Vault.KeyRotationDays);
        Assert.Equal(365, s.Logging.ArchiveRetentionDays);
    }

    [Fact]
    public void Allowed_regions_default_to_the_four_us_commercial_regions()
    {
        var result = new ConfigBuilder().Remove("allowedRegions").Parse();

        Assert.True(result.IsValid, result.Message);
        Assert.Equal<string>(["us-ashburn-1", "us-phoenix-1", "us-sanjose-1", "us-chicago-1"], result.Settings!.AllowedRegions.ToArray());
    }

    [Fact]
    public void Optional_fields_take_their_defaults()
    {
        var result = new ConfigBuilder()
            .Field("network", "onPremCidrs", null)
            .Field("database", "localDataGuard", null)
            .Field("database", "standbyRegion", null)
            .Parse();

        Assert.True(result.IsValid, result.Message);
        Assert.Empty(result.Settings!.Network.OnPremCidrs);
        Assert.False(result.Settings.Database.LocalDataGuard);
        Assert.Null(result.Settings.Database.StandbyRegion);
    }

    [Fact]
    public void Us_saltlake_2_is_accepted_when_listed()
    {
        var result = new ConfigBuilder()
            .Set("allowedRegions", """["us-ashburn-1","us-saltlake-2"]""")
            .Field("database", "standbyRegion", "\"us-saltlake-2\"")
            .Parse();

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void A_group_of_a_parent_domain_does_not_exclude_the_same_name_in_our_domain()
    {
        // The exclusion says ParentCo/DataAdmins: a "DataAdmins" group of the Default domain is a different group.
        var result = new ConfigBuilder()
            .Field("parentExclusions", "groups", "[\"ParentCo/DataAdmins\"]")
            .Field("groups", "auditor", "\"DataAdmins\"")
            .Parse();

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_one_message()
    {
        var result = new ConfigBuilder()
            .Remove("oci:region")
            .Set("homeRegion", "eu-frankfurt-1")
            .Field("network", "dataSubnetCidr", "\"10.99.1.0/24\"")
            .Field("vault", "keyRotationDays", "400")
            .Parse("prod");

        Assert.False(result.IsValid);
        Assert.Equal(
            ["oci:region", "us-data-enclave:homeRegion", "us-data-enclave:network.dataSubnetCidr", "us-data-enclave:vault.keyRotationDays"],
            result.Problems.Select(p => p.Key));
        var lines = result.Message.Split('\n');
        Assert.Equal("Configuration of stack 'prod' is invalid (4 problems):", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("  - ", l));
    }
}
