using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Exfiltration paths in the network itself: egress rules out of the enclave (ENC-NET-070), address space and
/// resolvers the stack never declared (ENC-NET-071), and peerings or attachments that join gateways outside the stack
/// (ENC-NET-072).
/// </summary>
public sealed class EgressAndAddressAttacks : AttackClass
{
    private const string NsgRule = "oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule";
    private const string Lpg = "oci:Core/localPeeringGateway:LocalPeeringGateway";
    private const string Drg = "oci:Core/drg:Drg";
    private static JsonNode Compartment(Prod p) => p.Resource("network-vcn").Get("compartmentId")!.DeepClone();

    private static string Id(Prod p, string name) => p.Resource(name).Json["id"]!.GetValue<string>();

    private static ResourceEdit EgressRule(Prod p, string nsg, string name, string destination, string type = "CIDR_BLOCK", bool stateless = false) =>
        p.Add(NsgRule, name, new JsonObject
        {
            ["networkSecurityGroupId"] = Id(p, nsg), ["direction"] = "EGRESS", ["protocol"] = "all", ["stateless"] = stateless,
            ["destination"] = destination, ["destinationType"] = type,
        }, sibling: "network-app-to-db");

    private static ResourceEdit NewDrg(Prod p) =>
        p.Add(Drg, "network-drg", new JsonObject { ["compartmentId"] = Compartment(p) }, sibling: "network-vcn");

    public override IEnumerable<AttackCase> Cases()
    {
        // ENC-NET-070: egress allow-list.
        yield return Attack("app tier may send anything to the internet", "ENC-NET-070",
            p => p.Resource("network-app-to-services").Set("destinationType", "CIDR_BLOCK").Set("destination", "0.0.0.0/0"));
        yield return Attack("app tier may send to all of IPv6", "ENC-NET-070",
            p => p.Resource("network-app-to-services").Set("destinationType", "CIDR_BLOCK").Set("destination", "::/0"));
        yield return Attack("a stateless all-protocol egress rule to a vendor range", "ENC-NET-070",
            p => EgressRule(p, "network-db-nsg", "network-db-to-vendor", "8.8.8.0/24", stateless: true));
        yield return Attack("database NSG may send to a private range outside the enclave", "ENC-NET-070",
            p => EgressRule(p, "network-db-nsg", "network-db-to-other-team", "10.200.0.0/24"));
        yield return Attack("egress to an NSG of another team", "ENC-NET-070",
            p => EgressRule(p, "network-app-nsg", "network-app-to-foreign-nsg", "ocid1.networksecuritygroup.oc1.iad.foreignteam", "NETWORK_SECURITY_GROUP"));
        yield return Attack("default security list lets everything out", "ENC-NET-070",
            p => p.Resource("network-default-security-list").Set("egressSecurityRules",
                new JsonArray(new JsonObject { ["protocol"] = "all", ["destination"] = "0.0.0.0/0", ["destinationType"] = "CIDR_BLOCK", ["stateless"] = true })));
        yield return Attack("standby app tier may send anything to the internet", "ENC-NET-070",
            p => p.Resource("network-standby-app-to-services").Set("destinationType", "CIDR_BLOCK").Set("destination", "0.0.0.0/0"));
        yield return Attack("egress to a made-up service label", "ENC-NET-070",
            p => p.Resource("network-app-to-services").Set("destination", "parentco-exfil-endpoint"));
        yield return Legitimate("app tier may reach the on-premises range", p => EgressRule(p, "network-app-nsg", "network-app-to-onprem", "172.16.0.0/24"));
        yield return Legitimate("app tier egress narrowed to the data subnet by CIDR", p => p.Resource("network-app-to-db")
            .Set("destinationType", "CIDR_BLOCK").Set("destination", "10.30.1.0/24"));

        // ENC-NET-071: address space and resolver as declared.
        yield return Attack("an extra CIDR block on the VCN", "ENC-NET-071", p => p.Resource("network-vcn").Append("cidrBlocks", "10.31.0.0/16"));
        yield return Attack("the standby VCN moved to an undeclared range", "ENC-NET-071",
            p => p.Resource("network-standby-vcn").Set("cidrBlocks", Value.List("10.40.0.0/16")));
        yield return Attack("IPv6 enabled on the VCN", "ENC-NET-071", p => p.Resource("network-vcn").Set("isIpv6enabled", true));
        yield return Attack("an IPv6 ULA prefix on the VCN", "ENC-NET-071", p => p.Resource("network-vcn").Set("ipv6privateCidrBlocks", Value.List("fd00:30::/48")));
        yield return Attack("a BYOIP IPv6 prefix on the VCN", "ENC-NET-071", p => p.Resource("network-vcn").Set("byoipv6cidrDetails",
            new JsonArray(new JsonObject { ["byoipv6rangeId"] = "ocid1.byoiprange.oc1.iad.parentco", ["ipv6cidrBlock"] = "2001:db8::/56" })));
        yield return Attack("Oracle GUA allocation on the standby VCN", "ENC-NET-071", p => p.Resource("network-standby-vcn").Set("isOracleGuaAllocationEnabled", true));
        yield return Attack("an IPv6 block on the data subnet", "ENC-NET-071", p => p.Resource("network-data").Set("ipv6cidrBlock", "2001:db8:0:1::/64"));
        yield return Attack("data subnet resolves through a parent-run resolver", "ENC-NET-071",
            p => p.Resource("network-data").Set("dhcpOptionsId", "ocid1.dhcpoptions.oc1.iad.parentcoresolver"));
        yield return Attack("standby app subnet with its own DHCP options", "ENC-NET-071",
            p => p.Resource("network-standby-app").Set("dhcpOptionsId", "ocid1.dhcpoptions.oc1.phx.custom"));

        // ENC-NET-072: peerings and attachments only between the stack's gateways.
        yield return Attack("a peer-less local peering gateway in the VCN", "ENC-NET-072",
            p => p.Add(Lpg, "network-lpg", new JsonObject { ["compartmentId"] = Compartment(p), ["vcnId"] = Id(p, "network-vcn") }, sibling: "network-vcn"));
        yield return Attack("a local peering gateway peered with a foreign one", "ENC-NET-072",
            p => p.Add(Lpg, "network-lpg", new JsonObject { ["compartmentId"] = Compartment(p), ["vcnId"] = Id(p, "network-vcn"), ["peerId"] = "ocid1.localpeeringgateway.oc1.iad.parentco" }, sibling: "network-vcn"));
        yield return Attack("a peer-less remote peering connection on a new DRG", "ENC-NET-072", p =>
        {
            var drg = NewDrg(p);
            return p.Add("oci:Core/remotePeeringConnection:RemotePeeringConnection", "network-rpc",
                new JsonObject { ["compartmentId"] = Compartment(p), ["drgId"] = drg.Json["id"]!.GetValue<string>() }, sibling: "network-vcn");
        });
        yield return Attack("a DRG attachment with a route table that imports everything", "ENC-NET-072", p =>
        {
            var drg = NewDrg(p);
            return p.Add("oci:Core/drgAttachment:DrgAttachment", "network-drg-attachment", new JsonObject
            {
                ["drgId"] = drg.Json["id"]!.GetValue<string>(), ["vcnId"] = Id(p, "network-vcn"),
                ["drgRouteTableId"] = "ocid1.drgroutetable.oc1.iad.importsall",
            }, sibling: "network-vcn");
        });
        yield return Attack("a DRG attachment exporting the VCN's routes", "ENC-NET-072", p =>
        {
            var drg = NewDrg(p);
            return p.Add("oci:Core/drgAttachment:DrgAttachment", "network-drg-attachment", new JsonObject
            {
                ["drgId"] = drg.Json["id"]!.GetValue<string>(), ["vcnId"] = Id(p, "network-vcn"),
                ["exportDrgRouteDistributionId"] = "ocid1.drgroutedistribution.oc1.iad.exportall",
            }, sibling: "network-vcn");
        });
        // DRG route tables and distributions (and their statements) are types the gate does not read: refused as such.
        yield return Attack("a DRG route distribution that imports everything", "ENC-GOV-020", p =>
        {
            var drg = NewDrg(p);
            return p.Add("oci:Core/drgRouteDistribution:DrgRouteDistribution", "network-import-all",
                new JsonObject { ["drgId"] = drg.Json["id"]!.GetValue<string>(), ["distributionType"] = "IMPORT" }, sibling: "network-vcn");
        });
        yield return Attack("a public virtual circuit", "ENC-NET-072", p => p.Add("oci:Core/virtualCircuit:VirtualCircuit", "network-vc", new JsonObject
        {
            ["compartmentId"] = Compartment(p), ["type"] = "PUBLIC",
            ["publicPrefixes"] = new JsonArray(new JsonObject { ["cidrBlock"] = "198.51.100.0/28" }),
        }, sibling: "network-vcn"));
        yield return Attack("a private virtual circuit on the parent's DRG", "ENC-NET-072", p => p.Add("oci:Core/virtualCircuit:VirtualCircuit", "network-vc",
            new JsonObject { ["compartmentId"] = Compartment(p), ["type"] = "PRIVATE", ["gatewayId"] = "ocid1.drg.oc1.iad.parentco" }, sibling: "network-vcn"));
    }
}
