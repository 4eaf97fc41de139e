using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Ingress from networks the stack never declared, each narrow enough to pass the near-open rule (ENC-NET-005): a public
/// /24, another team's NSG, a carrier-grade NAT block, a partner's IPv6 /64. Nothing routes from there today, which is
/// why the reachability rules stayed quiet; ENC-NET-030 makes the sources an allow-list. Each passed before.
/// </summary>
public sealed class DeclaredNetworkAttacks : AttackClass
{
    private const string DbFromApp = "network-db-from-app";

    public override string Name => "DeclaredNetwork";

    public override IEnumerable<AttackCase> Cases()
    {
        AttackCase Source(string name, string type, string source, string rule = DbFromApp) =>
            Attack(name, "ENC-NET-030", p => p.Resource(rule).Set("sourceType", type).Set("source", source));

        yield return Source("database NSG admits a narrow public range", "CIDR_BLOCK", "8.8.8.0/24");
        yield return Source("database NSG admits a vendor's single address", "CIDR_BLOCK", "93.184.216.34/32");
        yield return Source("database NSG admits a carrier-grade NAT block", "CIDR_BLOCK", "100.64.1.0/24");
        yield return Source("database NSG admits a partner's IPv6 /64", "CIDR_BLOCK", "2001:db8:1234:5678::/64");
        yield return Source("database NSG admits another team's NSG", "NETWORK_SECURITY_GROUP", "ocid1.networksecuritygroup.oc1.iad.anotherteamsnsg0000");
        yield return Source("database NSG admits a public range in a lower-case source type", "cidr_block", "8.8.4.0/24");
        yield return Source("database NSG source of a type OCI does not know", "NSG", "10.30.2.0/24");
        yield return Source("standby database NSG admits a narrow public range", "CIDR_BLOCK", "1.1.1.0/24", "network-standby-db-from-app");
        yield return Attack("database NSG admits a private range outside the VCN", "ENC-NET-030",
            p => p.Resource("network-db-from-admin").Set("sourceType", "CIDR_BLOCK").Set("source", "192.168.77.0/24"));
        yield return Attack("a new security list admits a vendor range", "ENC-NET-030", p => p.Add("oci:Core/securityList:SecurityList", "network-vendor-list", new JsonObject
        {
            ["compartmentId"] = p.Resource("network-vcn").Inputs["compartmentId"]!.DeepClone(),
            ["vcnId"] = p.Resource("network-vcn").Json["id"]!.DeepClone(),
            ["ingressSecurityRules"] = new JsonArray(new JsonObject
            {
                ["protocol"] = "6", ["source"] = "203.0.114.0/24", ["sourceType"] = "CIDR_BLOCK",
                ["tcpOptions"] = new JsonObject { ["min"] = 1522, ["max"] = 1522 },
            }),
        }, "network-service-gateway"));
        yield return Attack("a new VCN over public space makes a public source look declared", "ENC-NET-030", p =>
        {
            p.Add("oci:Core/vcn:Vcn", "network-shadow-vcn", new JsonObject
            {
                ["compartmentId"] = p.Resource("network-vcn").Inputs["compartmentId"]!.DeepClone(), ["cidrBlocks"] = Framework.Value.List("8.8.0.0/16"),
            }, "network-vcn");
            return p.Resource(DbFromApp).Set("sourceType", "CIDR_BLOCK").Set("source", "8.8.8.0/24").Urn;
        });
        yield return Attack("a new VCN of all of 10/8 makes another team's range look declared", "ENC-NET-030", p =>
        {
            p.Add("oci:Core/vcn:Vcn", "network-wide-vcn", new JsonObject
            {
                ["compartmentId"] = p.Resource("network-vcn").Inputs["compartmentId"]!.DeepClone(), ["cidrBlocks"] = Framework.Value.List("10.0.0.0/8"),
            }, "network-vcn");
            return p.Resource(DbFromApp).Set("sourceType", "CIDR_BLOCK").Set("source", "10.200.0.0/24").Urn;
        });
        yield return Legitimate("database NSG admits a gatekeeper range",
            p => p.Resource("network-db-from-admin").Set("sourceType", "CIDR_BLOCK").Set("source", "198.51.100.0/28"));
        yield return Legitimate("database NSG admits the app subnet by CIDR",
            p => p.Resource(DbFromApp).Set("sourceType", "CIDR_BLOCK").Set("source", "10.30.2.0/24"));
    }
}
