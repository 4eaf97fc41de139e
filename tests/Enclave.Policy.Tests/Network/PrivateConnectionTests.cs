using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Reachability;
using static Enclave.Policy.Tests.Reachability.NetGraph;

namespace Enclave.Policy.Tests.Reachability;

/// <summary>
/// ENC-NET-102 (parent-company networks) and ENC-NET-103 (private connections only from gatekeeper ranges)
/// over DRG (IPSec, FastConnect) and local-peering doors. Policy: gatekeepers 203.0.113.0/24, on-prem
/// 10.1.0.0/16, parent 198.18.0.0/15 and 172.20.0.0/16.
/// </summary>
public class PrivateConnectionTests
{
    private static readonly IRule Internet = new NoInternetPathToData();
    private static readonly IRule Parent = new NoParentNetworkPathToData();
    private static readonly IRule OnPrem = new OnPremReachesDataOnlyFromGatekeeperRanges();

    /// <summary>The enclave with a DRG attached to its VCN and an IPSec connection with these static routes.</summary>
    private static NetGraph WithIpsec(params string[] staticRoutes)
    {
        var g = TestEnclave();
        g.Add(OciTypes.Drg, "drg");
        g.Add(OciTypes.DrgAttachment, "drg-att", ("drgId", Ref("drg")),
            ("networkDetails", M(("id", Ref("vcn")), ("type", S("VCN")))));
        g.Add(OciTypes.Cpe, "cpe", ("ipAddress", S("192.0.2.10")));
        g.Add(OciTypes.Ipsec, "ipsec", ("drgId", Ref("drg")), ("cpeId", Ref("cpe")),
            ("staticRoutes", L(staticRoutes.Select(S).ToArray())));
        return g;
    }

    private static NetGraph Routes(NetGraph g, string target, params string[] destinations)
    {
        g.Set("rt-data", "routeRules", L(destinations.Select(d => Route(d, target)).ToArray()));
        return g;
    }

    [Fact]
    public void Drg_with_a_route_and_rule_for_a_parent_range_is_an_open_parent_path()
    {
        var g = Routes(WithIpsec("198.18.0.0/15"), "drg", "198.18.0.0/15").WithSlIngress(SlIngress("6", "198.18.0.0/15", 1522));
        var graph = g.Build();

        var parent = Check.Run(Parent, graph).On("enclave-adb");
        Assert.Equal(Verdict.Fail, parent.Verdict);
        Assert.Equal(
            "open: parent-company network 198.18.0.0/15 → IPSec ipsec (CPE cpe 192.0.2.10) static route 198.18.0.0/15 → " +
            "DRG drg (attachment drg-att) → route table rt-data 198.18.0.0/15→drg → subnet data → " +
            "security list sl-data ingress tcp 1522 from 198.18.0.0/15 → AutonomousDatabase enclave-adb :1522",
            Assert.Single(parent.Evidence));
        Assert.Equal(Verdict.Fail, Check.Run(OnPrem, graph).On("enclave-adb").Verdict);
        Assert.Equal(Verdict.Pass, Check.Run(Internet, graph).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Gatekeeper_on_prem_range_over_the_drg_is_allowed_and_listed()
    {
        var g = Routes(WithIpsec("10.1.0.0/16"), "drg", "10.1.0.0/16").WithSlIngress(SlIngress("6", "10.1.0.0/16", 1522));
        var graph = g.Build();

        var onPrem = Check.Run(OnPrem, graph).On("enclave-adb");
        Assert.Equal(Verdict.Pass, onPrem.Verdict);
        Assert.StartsWith("allowed: private connection 10.1.0.0/16 → IPSec ipsec", Assert.Single(onPrem.Evidence));
        Assert.Equal(Verdict.Pass, Check.Run(Parent, graph).On("enclave-adb").Verdict);
    }

    [Fact]
    public void A_broad_range_over_the_drg_beyond_the_gatekeeper_ranges_fails()
    {
        var g = Routes(WithIpsec("10.0.0.0/8"), "drg", "10.0.0.0/8").WithSlIngress(SlIngress("6", "10.0.0.0/8", 1522));
        var onPrem = Check.Run(OnPrem, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, onPrem.Verdict);
        Assert.StartsWith("open: private connection 10.0.0.0/8 → IPSec ipsec (CPE cpe 192.0.2.10) static route 10.0.0.0/8", onPrem.Evidence[0]);
    }

    [Fact]
    public void Parent_range_without_a_return_route_is_closed_even_if_the_rules_admit_everyone()
    {
        var g = Routes(WithIpsec("10.1.0.0/16", "198.18.0.0/15"), "drg", "10.1.0.0/16")
            .WithSlIngress(SlIngress("6", "0.0.0.0/0", 1522));
        var graph = g.Build();
        Assert.Equal(Verdict.Pass, Check.Run(Parent, graph).On("enclave-adb").Verdict);
        // Only the routed on-prem range gets in, and it is a gatekeeper range.
        Assert.Equal(Verdict.Pass, Check.Run(OnPrem, graph).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Static_routes_bound_what_an_ipsec_connection_carries()
    {
        // Route and rule cover the parent range, but the tunnel only carries the on-prem range.
        var g = Routes(WithIpsec("10.1.0.0/16"), "drg", "0.0.0.0/0").WithSlIngress(SlIngress("6", "198.18.0.0/15", 1522));
        Assert.Equal(Verdict.Pass, Check.Run(Parent, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void FastConnect_carries_any_advertised_range_so_a_parent_rule_is_open()
    {
        var g = TestEnclave();
        g.Add(OciTypes.Drg, "drg");
        g.Add(OciTypes.DrgAttachment, "drg-att", ("drgId", Ref("drg")), ("vcnId", Ref("vcn")));
        g.Add(OciTypes.VirtualCircuit, "fastconnect", ("gatewayId", Ref("drg")), ("type", S("PRIVATE")));
        Routes(g, "drg", "0.0.0.0/0").WithSlIngress(SlIngress("6", "172.20.0.0/16", 1522));
        var parent = Check.Run(Parent, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, parent.Verdict);
        Assert.StartsWith("open: parent-company network 172.20.0.0/16 → FastConnect virtual circuit fastconnect", Assert.Single(parent.Evidence));
    }

    [Fact]
    public void Drg_with_no_declared_connection_is_undetermined_not_open()
    {
        var g = TestEnclave();
        g.Add(OciTypes.Drg, "drg");
        g.Add(OciTypes.DrgAttachment, "drg-att", ("drgId", Ref("drg")), ("vcnId", Ref("vcn")));
        Routes(g, "drg", "172.20.0.0/16").WithSlIngress(SlIngress("6", "172.20.0.0/16", 1522));
        var parent = Check.Run(Parent, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Undetermined, parent.Verdict);
        Assert.Contains(parent.Evidence, e => e.StartsWith("undetermined: parent-company network 172.20.0.0/16 → DRG drg: no on-prem or peering connection"));
    }

    [Fact]
    public void A_connection_whose_drg_is_known_only_after_apply_may_land_on_any_drg()
    {
        var g = Routes(WithIpsec("10.1.0.0/16"), "drg", "172.20.0.0/16").WithSlIngress(SlIngress("6", "172.20.0.0/16", 1522));
        g.Add(OciTypes.Ipsec, "ipsec-new", ("drgId", U), ("staticRoutes", L(S("172.20.0.0/16"))));
        var parent = Check.Run(Parent, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Undetermined, parent.Verdict);
        Assert.Contains(parent.Evidence, e => e.StartsWith("undetermined: parent-company network 172.20.0.0/16 → IPSec ipsec-new static route"));
    }

    [Fact]
    public void Local_peering_to_a_gateway_outside_the_stack_admits_any_routed_range()
    {
        var g = TestEnclave();
        g.Add(OciTypes.LocalPeeringGateway, "lpg", ("vcnId", Ref("vcn")), ("peerId", S("ocid1.localpeeringgateway.oc1..parent")));
        Routes(g, "lpg", "172.20.0.0/16").WithSlIngress(SlIngress("6", "172.20.0.0/16", 1522));
        var parent = Check.Run(Parent, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, parent.Verdict);
        Assert.Contains("LocalPeeringGateway lpg → route table rt-data 172.20.0.0/16→lpg", Assert.Single(parent.Evidence));
    }

    [Fact]
    public void Local_peering_within_the_stack_admits_the_peer_vcn_blocks_only()
    {
        var g = TestEnclave();
        g.Add(OciTypes.Vcn, "hub", ("cidrBlocks", L(S("10.5.0.0/16"))));
        g.Add(OciTypes.LocalPeeringGateway, "lpg-hub", ("vcnId", Ref("hub")), ("peerId", Ref("lpg")));
        g.Add(OciTypes.LocalPeeringGateway, "lpg", ("vcnId", Ref("vcn")));
        Routes(g, "lpg", "0.0.0.0/0").WithSlIngress(SlIngress("6", "0.0.0.0/0", 1522));
        var graph = g.Build();

        Assert.Equal(Verdict.Pass, Check.Run(Parent, graph).On("enclave-adb").Verdict);
        var onPrem = Check.Run(OnPrem, graph).On("enclave-adb");
        Assert.Equal(Verdict.Fail, onPrem.Verdict);
        Assert.StartsWith("open: private connection 10.5.0.0/16 → peer LocalPeeringGateway lpg-hub (VCN hub 10.5.0.0/16) → LocalPeeringGateway lpg",
            Assert.Single(onPrem.Evidence));
    }

    [Fact]
    public void Malformed_parent_cidr_in_the_policy_makes_the_parent_rule_undetermined_on_the_stack()
    {
        var policy = Check.Policy with { Parent = new ParentExclusions { Cidrs = ["198.18.0.0/15", "not-a-cidr"] } };
        var findings = Check.Run(Parent, TestEnclave().Build(), policy);
        var problem = Assert.Single(findings, f => f.Verdict == Verdict.Undetermined);
        Assert.Contains("'not-a-cidr' is not a CIDR block", problem.Message);
        Assert.EndsWith("pulumi:pulumi:Stack::enclave-test", problem.Urn);
    }
}
