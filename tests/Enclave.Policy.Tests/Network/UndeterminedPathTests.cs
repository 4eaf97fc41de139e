using Enclave.Policy.Graph;
using Enclave.Policy.Network;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Reachability;
using static Enclave.Policy.Tests.Reachability.NetGraph;

namespace Enclave.Policy.Tests.Reachability;

/// <summary>A value not known until deploy on a path makes it undetermined: never a pass, never a fail.</summary>
public class UndeterminedPathTests
{
    private static readonly IRule Rule = new NoInternetPathToData();

    [Fact]
    public void Unknown_public_ip_setting_is_undetermined()
    {
        var g = OpenDoor();
        g.Set("data", "prohibitPublicIpOnVnic", U);
        var adb = Check.Run(Rule, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Undetermined, adb.Verdict);
        Assert.Contains("subnet data (public IPs: known after apply)", Assert.Single(adb.Evidence));
    }

    [Fact]
    public void Unknown_security_list_rules_are_undetermined()
    {
        var g = BehindInternetGateway();
        g.Set("sl-data", "ingressSecurityRules", U);
        Assert.Equal(Verdict.Undetermined, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Unknown_port_in_an_nsg_rule_is_undetermined()
    {
        var g = BehindInternetGateway();
        g.NsgRule("db-rule", "nsg-db", "INGRESS", "6", "0.0.0.0/0");
        g.Set("db-rule", "tcpOptions", M(("destinationPortRange", M(("min", U), ("max", N(1522))))));
        Assert.Equal(Verdict.Undetermined, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Unknown_source_is_undetermined()
    {
        var g = BehindInternetGateway().WithSlIngress(M(("protocol", S("6")), ("source", U)));
        Assert.Equal(Verdict.Undetermined, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Unknown_route_target_without_dependencies_is_undetermined()
    {
        var g = OpenDoor();
        g.Set("rt-data", "routeRules", L(M(("destination", S("0.0.0.0/0")), ("networkEntityId", U))));
        Assert.Equal(Verdict.Undetermined, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void An_open_path_stays_open_when_another_one_is_undetermined()
    {
        var g = OpenDoor();
        g.NsgRule("db-rule", "nsg-db", "INGRESS", "6", "0.0.0.0/0");
        g.Set("db-rule", "protocol", U);
        var adb = Check.Run(Rule, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, adb.Verdict);
        Assert.Contains(adb.Evidence, e => e.StartsWith("open: "));
        Assert.Contains(adb.Evidence, e => e.StartsWith("undetermined: "));
    }

    [Fact]
    public void A_closed_hop_closes_a_path_even_with_unknowns_elsewhere()
    {
        var g = TestEnclave(publicSubnet: false).WithInternetGateway();
        g.Set("sl-data", "ingressSecurityRules", U);
        Assert.Equal(Verdict.Pass, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }

    [Fact]
    public void Preview_of_new_resources_resolves_unknown_ids_through_property_dependencies()
    {
        // Everything is new: ids are unknown, and each reference is known only through what it depends on.
        var g = new NetGraph();
        string U_(string type, string name) => Urn(type, name);
        var vcn = U_(OciTypes.Vcn, "vcn");
        var igw = U_(OciTypes.InternetGateway, "igw");
        var rt = U_(OciTypes.RouteTable, "rt-data");
        var sl = U_(OciTypes.SecurityList, "sl-data");
        var subnet = U_(OciTypes.Subnet, "data");
        g.AddPending(OciTypes.Vcn, "vcn", [], ("cidrBlocks", L(S("10.0.0.0/16"))));
        g.AddPending(OciTypes.InternetGateway, "igw", [("vcnId", [vcn])], ("vcnId", U), ("enabled", B(true)));
        g.AddPending(OciTypes.RouteTable, "rt-data", [("vcnId", [vcn]), ("routeRules", [igw])], ("vcnId", U),
            ("routeRules", L(M(("destination", S("0.0.0.0/0")), ("networkEntityId", U)))));
        g.AddPending(OciTypes.SecurityList, "sl-data", [("vcnId", [vcn])], ("vcnId", U),
            ("ingressSecurityRules", L(SlIngress("6", "0.0.0.0/0", 1522))));
        g.AddPending(OciTypes.Subnet, "data", [("vcnId", [vcn]), ("routeTableId", [rt]), ("securityListIds", [sl])],
            ("vcnId", U), ("routeTableId", U), ("securityListIds", U), ("prohibitPublicIpOnVnic", B(false)));
        g.AddPending(OciTypes.AutonomousDatabase, "enclave-adb", [("subnetId", [subnet])], ("subnetId", U));

        var adb = Check.Run(Rule, g.Build()).On("enclave-adb");
        Assert.Equal(Verdict.Fail, adb.Verdict);
        Assert.Contains("InternetGateway igw (enabled) → route table rt-data 0.0.0.0/0→igw", Assert.Single(adb.Evidence));
    }

    [Fact]
    public void Unknown_reference_with_several_possible_targets_is_undetermined()
    {
        var g = new NetGraph();
        var vcn = Urn(OciTypes.Vcn, "vcn");
        var igw = Urn(OciTypes.InternetGateway, "igw");
        var nat = Urn(OciTypes.NatGateway, "nat");
        var rt = Urn(OciTypes.RouteTable, "rt-data");
        var sl = Urn(OciTypes.SecurityList, "sl-data");
        var subnet = Urn(OciTypes.Subnet, "data");
        g.AddPending(OciTypes.Vcn, "vcn", [], ("cidrBlocks", L(S("10.0.0.0/16"))));
        g.AddPending(OciTypes.InternetGateway, "igw", [("vcnId", [vcn])], ("vcnId", U));
        g.AddPending(OciTypes.NatGateway, "nat", [("vcnId", [vcn])], ("vcnId", U));
        // Two route rules, two gateways, one dependency list: which rule goes where is not known.
        g.AddPending(OciTypes.RouteTable, "rt-data", [("routeRules", [igw, nat])],
            ("routeRules", L(M(("destination", S("0.0.0.0/0")), ("networkEntityId", U)),
                M(("destination", S("10.9.0.0/16")), ("networkEntityId", U)))));
        g.AddPending(OciTypes.SecurityList, "sl-data", [], ("ingressSecurityRules", L(SlIngress("6", "0.0.0.0/0", 1522))));
        g.AddPending(OciTypes.Subnet, "data", [("vcnId", [vcn]), ("routeTableId", [rt]), ("securityListIds", [sl])],
            ("vcnId", U), ("routeTableId", U), ("securityListIds", U), ("prohibitPublicIpOnVnic", B(false)));
        g.AddPending(OciTypes.AutonomousDatabase, "enclave-adb", [("subnetId", [subnet])], ("subnetId", U));

        Assert.Equal(Verdict.Undetermined, Check.Run(Rule, g.Build()).On("enclave-adb").Verdict);
    }
}
