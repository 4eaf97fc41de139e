using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using static Enclave.Policy.Tests.Reachability.NetGraph;

namespace Enclave.Policy.Tests.Reachability;

public class TrafficTests
{
    private static (Traffic, Truth) Read(string protocol, PropertyValue? tcp = null, PropertyValue? udp = null, PropertyValue? icmp = null) =>
        Traffic.Read(S(protocol), tcp ?? PropertyValue.Null, udp ?? PropertyValue.Null, icmp ?? PropertyValue.Null);

    [Fact]
    public void Security_list_shape_puts_min_and_max_on_the_options()
    {
        var (t, known) = Read("6", tcp: M(("min", N(1522)), ("max", N(1522)), ("sourcePortRange", M(("min", N(1024)), ("max", N(65535))))));
        Assert.Equal(Truth.True, known);
        Assert.True(t.AdmitsTcp(1522));
        Assert.False(t.AdmitsTcp(1521));
        Assert.Equal("tcp 1522", t.ToString());
    }

    [Fact]
    public void Nsg_shape_nests_the_range_under_destinationPortRange()
    {
        var (t, known) = Read("6", tcp: M(("destinationPortRange", M(("min", N(1521)), ("max", N(1522))))));
        Assert.Equal(Truth.True, known);
        Assert.True(t.AdmitsTcp(1522));
        Assert.False(t.AdmitsTcp(22));
        Assert.Equal("tcp 1521-1522", t.ToString());
    }

    [Fact]
    public void Missing_options_mean_every_port_and_all_means_every_protocol()
    {
        Assert.True(Read("6").Item1.AdmitsTcp(22));
        Assert.Equal("tcp all ports", Read("6").Item1.ToString());
        Assert.True(Read("all").Item1.AdmitsTcp(1522));
        Assert.Equal("all protocols", Read("all").Item1.ToString());
    }

    [Fact]
    public void Udp_and_icmp_never_admit_tcp()
    {
        Assert.False(Read("17", udp: M(("min", N(1522)), ("max", N(1522)))).Item1.AdmitsTcp(1522));
        var (icmp, _) = Read("1", icmp: M(("type", N(3)), ("code", N(4))));
        Assert.Equal("icmp type 3 code 4", icmp.ToString());
        Assert.False(icmp.AdmitsTcp(1522));
    }

    [Fact]
    public void Unknown_protocol_or_port_is_undetermined_and_widest()
    {
        var (t1, k1) = Traffic.Read(PropertyValue.Unknown, PropertyValue.Null, PropertyValue.Null, PropertyValue.Null);
        Assert.Equal(Truth.Unknown, k1);
        Assert.True(t1.AdmitsTcp(1522));
        var (t2, k2) = Read("6", tcp: M(("destinationPortRange", M(("min", U), ("max", N(80))))));
        Assert.Equal(Truth.Unknown, k2);
        Assert.True(t2.AdmitsTcp(1522));
    }
}
