namespace Enclave.Tests.Configuration;

public class RegionTests
{
    [Theory]
    [InlineData("eu-frankfurt-1")]
    [InlineData("us-gov-ashburn-1")]
    [InlineData("us-langley-1")]
    [InlineData("US-ASHBURN-1")]
    public void Deployment_region_outside_the_us_commercial_realm_is_rejected(string region)
    {
        ConfigAssert.Single(new ConfigBuilder().Set("oci:region", region).Parse(), "oci:region",
            $"'{region}' is not a US commercial region; allowed: us-ashburn-1, us-phoenix-1, us-sanjose-1, us-chicago-1 (and us-saltlake-2 when listed in us-data-enclave:allowedRegions)");
    }

    [Fact]
    public void Home_region_outside_the_us_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("homeRegion", "ap-singapore-1").Parse(), "us-data-enclave:homeRegion",
            "'ap-singapore-1' is not a US commercial region");
    }

    [Fact]
    public void A_us_region_missing_from_the_allow_list_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("homeRegion", "us-chicago-1").Parse(), "us-data-enclave:homeRegion",
            "'us-chicago-1' is not in us-data-enclave:allowedRegions (us-ashburn-1, us-phoenix-1)");
    }

    [Fact]
    public void Us_saltlake_2_is_not_allowed_unless_listed()
    {
        ConfigAssert.Single(new ConfigBuilder().Remove("allowedRegions").Set("oci:region", "us-saltlake-2").Parse(), "oci:region",
            "'us-saltlake-2' is not in us-data-enclave:allowedRegions (us-ashburn-1, us-phoenix-1, us-sanjose-1, us-chicago-1)");
    }

    [Fact]
    public void A_non_us_entry_in_the_allow_list_is_rejected_by_index()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("allowedRegions", """["us-ashburn-1","us-phoenix-1","eu-frankfurt-1"]""").Parse(),
            "us-data-enclave:allowedRegions[2]", "'eu-frankfurt-1' is not a US commercial region");
    }

    [Fact]
    public void An_empty_allow_list_is_rejected()
    {
        var result = new ConfigBuilder().Set("allowedRegions", "[]").Parse();
        ConfigAssert.Has(result, "us-data-enclave:allowedRegions", "is empty; list at least the deployment and home regions");
    }

    [Fact]
    public void Standby_region_equal_to_the_deployment_region_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "standbyRegion", "\"us-ashburn-1\"").Parse(),
            "us-data-enclave:database.standbyRegion",
            "'us-ashburn-1' is the deployment region (oci:region); the cross-region standby must be in another allowed region");
    }

    [Fact]
    public void Standby_region_outside_the_us_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "standbyRegion", "\"ca-toronto-1\"").Parse(),
            "us-data-enclave:database.standbyRegion", "'ca-toronto-1' is not a US commercial region");
    }

    [Fact]
    public void Standby_region_missing_from_the_allow_list_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("database", "standbyRegion", "\"us-sanjose-1\"").Parse(),
            "us-data-enclave:database.standbyRegion", "'us-sanjose-1' is not in us-data-enclave:allowedRegions");
    }
}
