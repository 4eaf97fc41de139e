namespace Enclave.Tests.Configuration;

/// <summary>Near-open networks (the shared <c>NearOpen</c> definition) are refused wherever the config names networks.</summary>
public class NearOpenConfigTests
{
    [Theory]
    [InlineData("0.0.0.0/1", "is wider than /16")]
    [InlineData("198.0.0.0/8", "is wider than /16")]
    [InlineData("198.50.0.0/15", "is wider than /16")]
    [InlineData("2000::/3", "is wider than /48")]
    [InlineData("2001:db8::/32", "is wider than /48")]
    [InlineData("::ffff:0.0.0.0/96", "contains every IPv4-mapped ::ffff:0.0.0.0/96 address")]
    [InlineData("::/80", "contains every IPv4-mapped")]
    [InlineData("::ffff:198.0.0.0/104", "is wider than /16 (IPv4-mapped ::ffff:0.0.0.0/96 block)")]
    [InlineData("64:ff9b::/96", "contains every NAT64 64:ff9b::/96 address")]
    public void Near_open_gatekeeper_cidr_is_rejected(string cidr, string reason)
    {
        ConfigAssert.Single(new ConfigBuilder().Set("gatekeeperCidrs", $"[\"198.51.100.0/28\",\"{cidr}\"]").Parse(),
            "us-data-enclave:gatekeeperCidrs[1]", $"'{cidr}' {reason}");
    }

    [Theory]
    [InlineData("198.51.0.0/16")]
    [InlineData("2001:db8:1::/48")]
    [InlineData("::ffff:198.51.100.0/120")]
    public void Gatekeeper_cidr_at_the_limit_is_accepted(string cidr)
    {
        var result = new ConfigBuilder().Set("gatekeeperCidrs", $"[\"{cidr}\"]").Parse();
        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Near_open_on_premises_range_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("network", "onPremCidrs", """["172.0.0.0/8"]""").Parse(),
            "us-data-enclave:network.onPremCidrs[0]", "'172.0.0.0/8' is wider than /16");
    }

    [Fact]
    public void A_raised_minimum_applies_to_every_network_list()
    {
        var result = new ConfigBuilder().Set("minimumPrefix", """{"ipv4":24}""")
            .Set("gatekeeperCidrs", """["198.51.100.0/23"]""").Parse();
        ConfigAssert.Has(result, "us-data-enclave:gatekeeperCidrs[0]", "is wider than /24");
        ConfigAssert.Has(result, "us-data-enclave:network.onPremCidrs[0]", "'172.16.0.0/20' is wider than /24");
        Assert.Equal(2, result.Problems.Length);
    }

    [Fact]
    public void A_raised_minimum_reaches_the_settings()
    {
        var result = new ConfigBuilder().Set("minimumPrefix", """{"ipv4":20,"ipv6":56}""").Parse();
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(20, result.Settings!.MinimumPrefix.MinIpv4Prefix);
        Assert.Equal(56, result.Settings.MinimumPrefix.MinIpv6Prefix);
    }

    [Theory]
    [InlineData("ipv4", 8, "IPv4 minimum prefix 8 is not allowed; use 16 to 32 (the minimum can only be raised)")]
    [InlineData("ipv4", 33, "IPv4 minimum prefix 33 is not allowed")]
    [InlineData("ipv6", 32, "IPv6 minimum prefix 32 is not allowed; use 48 to 128")]
    public void The_minimum_cannot_be_lowered(string field, int value, string message)
    {
        ConfigAssert.Single(new ConfigBuilder().Set("minimumPrefix", $"{{\"{field}\":{value}}}").Parse(),
            $"us-data-enclave:minimumPrefix.{field}", message);
    }

    [Fact]
    public void Without_the_key_the_defaults_apply()
    {
        var s = new ConfigBuilder().Parse().Settings!;
        Assert.Equal(16, s.MinimumPrefix.MinIpv4Prefix);
        Assert.Equal(48, s.MinimumPrefix.MinIpv6Prefix);
    }
}
