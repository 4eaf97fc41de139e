using Enclave.Policy.Network;

namespace Enclave.Policy.Tests.Reachability;

public class CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.5.0/24", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/24", false)]
    [InlineData("0.0.0.0/0", "198.18.0.0/15", true)]
    [InlineData("10.0.0.7", "10.0.0.7/32", true)]
    public void Contains_follows_the_address_ranges(string outer, string inner, bool expected) =>
        Assert.Equal(expected, Cidr.Parse(outer).Contains(Cidr.Parse(inner)));

    [Fact]
    public void Host_bits_are_normalised_and_a_bare_address_is_a_single_host()
    {
        Assert.Equal("10.0.0.0/16", Cidr.Parse("10.0.3.4/16").ToString());
        Assert.Equal("192.0.2.9/32", Cidr.Parse("192.0.2.9").ToString());
        Assert.Equal("2001:db8::/32", Cidr.Parse("2001:db8:1::/32").ToString());
    }

    [Fact]
    public void Intersection_of_nested_blocks_is_the_smaller_and_of_disjoint_ones_nothing()
    {
        Assert.Equal(Cidr.Parse("10.1.0.0/16"), Cidr.Parse("10.0.0.0/8").Intersect(Cidr.Parse("10.1.0.0/16")));
        Assert.Null(Cidr.Parse("10.0.0.0/16").Intersect(Cidr.Parse("10.1.0.0/16")));
        Assert.Null(Cidr.AnyV4.Intersect(Cidr.AnyV6));
    }

    [Fact]
    public void Coverage_by_a_union_needs_every_address()
    {
        var halves = new[] { Cidr.Parse("10.0.0.0/9"), Cidr.Parse("10.128.0.0/9") };
        Assert.True(Cidr.IsCoveredBy(Cidr.Parse("10.0.0.0/8"), halves));
        Assert.False(Cidr.IsCoveredBy(Cidr.Parse("10.0.0.0/8"), [halves[0]]));
        Assert.False(Cidr.IsCoveredBy(Cidr.Parse("10.0.0.0/8"), [Cidr.Parse("10.0.0.0/10"), Cidr.Parse("10.128.0.0/9")]));
        Assert.True(Cidr.IsCoveredBy(Cidr.Parse("10.1.2.0/24"), [Cidr.Parse("10.1.0.0/16")]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.0/33")]
    [InlineData("all-iad-services-in-oracle-services-network")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0/8")]
    public void Malformed_text_is_not_a_cidr(string text) => Assert.False(Cidr.TryParse(text, out _));

    [Theory]
    [InlineData("10.0.3.4/16", "10.0.0.0/16")]
    [InlineData(" 192.0.2.9 ", "192.0.2.9/32")]
    [InlineData("010.0.0.1", "8.0.0.1/32")] // a leading zero is octal, as IPAddress reads it
    [InlineData("2001:db8:1::/32", "2001:db8::/32")]
    public void Text_and_span_read_the_same_block(string text, string expected)
    {
        Assert.Equal(expected, Cidr.Parse(text).ToString());
        Assert.True(Cidr.TryParse(("[" + text + "]").AsSpan(1, text.Length), out var fromSpan));
        Assert.Equal(Cidr.Parse(text), fromSpan);
    }
}
