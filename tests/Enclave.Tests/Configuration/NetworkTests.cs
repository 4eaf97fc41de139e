namespace Enclave.Tests.Configuration;

public class NetworkTests
{
    [Theory]
    [InlineData("10.10.0.0/33", "'10.10.0.0/33' is not a CIDR block: the prefix length must be a whole number from 0 to 32")]
    [InlineData("10.10.0/16", "'10.10.0/16' is not a CIDR block: '10.10.0' is not an IP address")]
    [InlineData("10.10.0.0", "'10.10.0.0' is not a CIDR block: the /prefix length is missing (e.g. 10.10.0.0/24)")]
    [InlineData("vcn", "'vcn' is not a CIDR block: the /prefix length is missing")]
    [InlineData("10.10.0.0/x", "the prefix length must be a whole number")]
    [InlineData("10.10.5.0/16", "'10.10.5.0/16' has host bits set; the network address of that block is 10.10.0.0/16")]
    [InlineData("10.0.0.0/8", "'10.0.0.0/8' cannot be used: OCI VCN and subnet blocks are IPv4 with a prefix from /16 to /30")]
    [InlineData("010.10.0.0/16", "'010.10.0.0/16' is ambiguous: write each IPv4 octet in decimal without leading zeros")]
    [InlineData("10.010.0.0/16", "'10.010.0.0/16' is ambiguous")]
    [InlineData("0x0a.10.0.0/16", "'0x0a.10.0.0/16' is ambiguous")]
    [InlineData("100.64.0.0/16", "'100.64.0.0/16' is not a private range; the VCN must lie in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16")]
    public void Bad_vcn_cidr_is_rejected_with_the_reason(string cidr, string fragment)
    {
        var result = new ConfigBuilder().Field("network", "vcnCidr", $"\"{cidr}\"").Parse();
        // Subnet containment cannot be checked against an unusable VCN block, so this is the only problem.
        ConfigAssert.Single(result, "us-data-enclave:network.vcnCidr", fragment);
    }

    [Theory]
    [InlineData("gatekeeperCidrs", "198.051.100.0/28")]
    [InlineData("auditorCidrs", "198.51.100.016/28")]
    public void A_persona_cidr_with_a_leading_zero_octet_is_rejected(string key, string cidr)
    {
        // 198.051.100.0 is 198.41.100.0 to inet_aton (octal) and 198.51.100.0 to .NET: the gate and OCI must read one range.
        ConfigAssert.Single(new ConfigBuilder().Set(key, $"""["{cidr}"]""").Parse(),
            $"us-data-enclave:{key}[0]", $"'{cidr}' is ambiguous: write each IPv4 octet in decimal without leading zeros");
    }

    [Fact]
    public void Malformed_subnet_cidr_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("network", "appSubnetCidr", "\"10.10.2.0/24/1\"").Parse(),
            "us-data-enclave:network.appSubnetCidr", "is not a CIDR block");
    }

    [Fact]
    public void Subnet_outside_the_vcn_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("network", "dataSubnetCidr", "\"10.11.1.0/24\"").Parse(),
            "us-data-enclave:network.dataSubnetCidr",
            "'10.11.1.0/24' is outside the VCN 10.10.0.0/16 (us-data-enclave:network.vcnCidr); subnets must lie inside it");
    }

    [Fact]
    public void Overlapping_subnets_are_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("network", "adminSubnetCidr", "\"10.10.1.128/25\"").Parse(),
            "us-data-enclave:network.adminSubnetCidr",
            "'10.10.1.128/25' overlaps subnet 10.10.1.0/24 (us-data-enclave:network.dataSubnetCidr); subnets must not overlap");
    }

    [Fact]
    public void Unknown_service_gateway_scope_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("network", "serviceGateway", "\"internet\"").Parse(),
            "us-data-enclave:network.serviceGateway", "'internet' is not allowed; use one of all-services, object-storage");
    }

    [Theory]
    [InlineData("0.0.0.0/0", "is the whole IPv4 internet")]
    [InlineData("::/0", "is the whole IPv6 internet")]
    public void Gatekeeper_cidr_open_to_the_internet_is_rejected(string cidr, string reason)
    {
        ConfigAssert.Single(new ConfigBuilder().Set("gatekeeperCidrs", $"[\"198.51.100.0/28\",\"{cidr}\"]").Parse(),
            "us-data-enclave:gatekeeperCidrs[1]", $"'{cidr}' {reason}");
    }

    [Fact]
    public void Gatekeeper_cidr_overlapping_a_parent_network_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("gatekeeperCidrs", """["203.0.113.16/28"]""").Parse(),
            "us-data-enclave:gatekeeperCidrs[0]",
            "'203.0.113.16/28' overlaps the parent-company network 203.0.113.0/24 (us-data-enclave:parentExclusions.cidrs[0])");
    }

    [Fact]
    public void Malformed_gatekeeper_cidr_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("gatekeeperCidrs", """["198.51.100.300/28"]""").Parse(),
            "us-data-enclave:gatekeeperCidrs[0]", "'198.51.100.300/28' is not a CIDR block");
    }

    [Fact]
    public void Empty_gatekeeper_list_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("gatekeeperCidrs", "[]").Parse(),
            "us-data-enclave:gatekeeperCidrs", "is empty; list at least one gatekeeper CIDR block");
    }

    [Fact]
    public void On_prem_cidr_overlapping_the_vcn_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("network", "onPremCidrs", """["10.10.128.0/20"]""").Parse(),
            "us-data-enclave:network.onPremCidrs[0]",
            "'10.10.128.0/20' overlaps the VCN 10.10.0.0/16 (us-data-enclave:network.vcnCidr); on-premises ranges must be disjoint from it");
    }

    [Theory]
    [InlineData("gatekeeperCidrs", "10.10.0.0/16")]   // the whole VCN
    [InlineData("gatekeeperCidrs", "10.10.2.0/24")]   // one subnet of it
    [InlineData("auditorCidrs", "10.10.1.16/28")]
    public void Persona_network_inside_the_vcn_is_rejected(string key, string cidr)
    {
        // A persona's network source inside the VCN would let any workload there pass as that persona.
        ConfigAssert.Single(new ConfigBuilder().Set(key, $"""["198.51.100.0/28","{cidr}"]""").Parse(),
            $"us-data-enclave:{key}[1]",
            $"'{cidr}' overlaps the VCN 10.10.0.0/16 (us-data-enclave:network.vcnCidr); a persona's network must lie outside the enclave");
    }

    [Fact]
    public void Persona_network_beside_the_vcn_is_accepted()
    {
        var result = new ConfigBuilder().Set("gatekeeperCidrs", """["10.11.0.0/24"]""").Parse();
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void On_prem_cidr_overlapping_a_parent_network_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("network", "onPremCidrs", """["10.130.0.0/16"]""").Parse(),
            "us-data-enclave:network.onPremCidrs[0]",
            "'10.130.0.0/16' overlaps the parent-company network 10.128.0.0/12 (us-data-enclave:parentExclusions.cidrs[1]); an on-premises range must not include any excluded network");
    }

    [Fact]
    public void Malformed_parent_cidr_is_rejected()
    {
        ConfigAssert.Single(new ConfigBuilder().Field("parentExclusions", "cidrs", """["203.0.113.0/24","parentco-net"]""").Parse(),
            "us-data-enclave:parentExclusions.cidrs[1]", "'parentco-net' is not a CIDR block");
    }
}
