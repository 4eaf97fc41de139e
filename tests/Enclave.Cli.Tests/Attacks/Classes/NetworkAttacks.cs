using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>Routes, gateways, subnets and security rules that open a path into the enclave.</summary>
public sealed class NetworkAttacks : AttackClass
{
    private const string Igw = "oci:Core/internetGateway:InternetGateway";
    private const string Nat = "oci:Core/natGateway:NatGateway";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("an internet gateway in the VCN", "ENC-NET-002", p => AddGateway(p, Igw, "network-igw"));
        yield return Attack("a NAT gateway in the VCN", "ENC-NET-004", p => AddGateway(p, Nat, "network-nat"));
        yield return Attack("data subnet allows public IPs", "ENC-NET-001",
            p => p.Resource("network-data").Set("prohibitPublicIpOnVnic", false));
        yield return Attack("data route table sends 0.0.0.0/0 to a new internet gateway", "ENC-NET-003", p =>
        {
            var igw = AddGateway(p, Igw, "network-igw");
            return p.Resource("network-data-routes").Append("routeRules", Route("0.0.0.0/0", "CIDR_BLOCK", igw));
        });
        yield return Attack("default security list opens SSH to the world", "ENC-NET-005",
            p => p.Resource("network-default-security-list").Append("ingressSecurityRules", new JsonObject
            {
                ["protocol"] = "6", ["source"] = "0.0.0.0/0", ["sourceType"] = "CIDR_BLOCK", ["stateless"] = false,
                ["tcpOptions"] = new JsonObject { ["min"] = 22, ["max"] = 22 },
            }));
        yield return Attack("default security list opens SSH inside the VCN", "ENC-NET-006", p =>
        {
            p.Resource("network-default-security-list").Append("ingressSecurityRules", new JsonObject
            {
                ["protocol"] = "6", ["source"] = "10.30.0.0/16", ["sourceType"] = "CIDR_BLOCK", ["stateless"] = false,
                ["tcpOptions"] = new JsonObject { ["min"] = 22, ["max"] = 22 },
            });
            return p.Resource("network-vcn").Urn;  // the rule judges each VCN's default list
        });
        yield return Attack("database NSG admits the whole internet", "ENC-NET-005",
            p => p.Resource("network-db-from-app").Set("source", "0.0.0.0/0").Set("sourceType", "CIDR_BLOCK"));
        yield return Attack("bastion allow-list widened to the internet", "ENC-NET-009",
            p => p.Resource("network-bastion").Append("clientCidrBlockAllowLists", "0.0.0.0/0"));
        yield return Attack("data subnet admits internet ingress", "ENC-NET-001", p => p.Resource("network-data").Set("prohibitInternetIngress", false));
        yield return Attack("standby app subnet allows public IPs", "ENC-NET-001", p => p.Resource("network-standby-app").Set("prohibitPublicIpOnVnic", false));
        yield return Attack("app routes send everything to a new NAT gateway", "ENC-NET-003", p =>
        {
            var nat = AddGateway(p, Nat, "network-nat");
            return p.Resource("network-app-routes").Append("routeRules", Route("0.0.0.0/0", "CIDR_BLOCK", nat));
        });
        yield return Attack("admin routes to a new DRG", "ENC-NET-003", p =>
        {
            var drg = p.Add("oci:Core/drg:Drg", "network-drg", new JsonObject { ["compartmentId"] = p.Resource("network-vcn").Inputs["compartmentId"]!.DeepClone() },
                sibling: "network-service-gateway");
            return p.Resource("network-admin-routes").Append("routeRules", Route("172.16.0.0/20", "CIDR_BLOCK", drg.Urn));
        });
        yield return Attack("data route target swapped for an internet gateway", "ENC-NET-003", p =>
        {
            var igw = AddGateway(p, Igw, "network-igw");
            return p.Resource("network-data-routes").Set("routeRules[0].networkEntityId", igw).Set("routeRules[0].destination", "0.0.0.0/0")
                .Set("routeRules[0].destinationType", "CIDR_BLOCK");
        });
        yield return Attack("standby data routes to an internet gateway", "ENC-NET-003", p =>
        {
            var igw = AddGateway(p, Igw, "network-igw");
            return p.Resource("network-standby-data-routes").Append("routeRules", Route("0.0.0.0/0", "CIDR_BLOCK", igw));
        });
        yield return Attack("database NSG admits all of IPv6", "ENC-NET-005",
            p => p.Resource("network-db-from-app").Set("source", "::/0").Set("sourceType", "CIDR_BLOCK"));
        yield return Attack("standby database NSG admits the internet", "ENC-NET-005",
            p => p.Resource("network-standby-db-from-app").Set("source", "0.0.0.0/0").Set("sourceType", "CIDR_BLOCK"));
        yield return Attack("a new security list open to the internet", "ENC-NET-005", p => p.Add("oci:Core/securityList:SecurityList", "network-open-list",
            new JsonObject
            {
                ["compartmentId"] = p.Resource("network-vcn").Inputs["compartmentId"]!.DeepClone(),
                ["vcnId"] = p.Resource("network-vcn").Json["id"]!.DeepClone(),
                ["ingressSecurityRules"] = new JsonArray(new JsonObject
                {
                    ["protocol"] = "6", ["source"] = "0.0.0.0/0", ["sourceType"] = "CIDR_BLOCK", ["stateless"] = false,
                    ["tcpOptions"] = new JsonObject { ["min"] = 1522, ["max"] = 1522 },
                }),
            }, sibling: "network-default-security-list"));
        yield return Attack("database NSG admits a parent-company range", "ENC-NET-008",
            p => p.Resource("network-db-from-admin").Set("source", "203.0.113.0/25").Set("sourceType", "CIDR_BLOCK"));
        yield return Attack("bastion allow-list names a parent-company range", "ENC-NET-008",
            p => p.Resource("network-bastion").Append("clientCidrBlockAllowLists", "10.128.0.0/16"));
        yield return Attack("bastion allow-list outside the gatekeeper ranges", "ENC-NET-009",
            p => p.Resource("network-bastion").Set("clientCidrBlockAllowLists[0]", "100.64.0.0/24"));
        yield return Attack("standby bastion allow-list widened to the internet", "ENC-NET-009",
            p => p.Resource("network-standby-bastion").Append("clientCidrBlockAllowLists", "0.0.0.0/0"));
        yield return Attack("bastion sessions of a day", "ENC-NET-009", p => p.Resource("network-bastion").Set("maxSessionTtlInSeconds", 86400));
        yield return Attack("standby bastion sessions of four hours", "ENC-NET-009", p => p.Resource("network-standby-bastion").Set("maxSessionTtlInSeconds", 14400));
        yield return Attack("an internet gateway in the standby VCN", "ENC-NET-002", p =>
        {
            var sgw = p.Resource("network-standby-service-gateway").Inputs;
            return p.Add(Igw, "network-standby-igw", new JsonObject
            {
                ["compartmentId"] = sgw["compartmentId"]!.DeepClone(), ["vcnId"] = sgw["vcnId"]!.DeepClone(), ["enabled"] = true,
            }, sibling: "network-standby-service-gateway");
        });
        yield return Attack("database NSG admits every protocol from the internet", "ENC-NET-005",
            p => p.Resource("network-db-from-admin").Set("protocol", "all").Remove("tcpOptions").Set("source", "0.0.0.0/0").Set("sourceType", "CIDR_BLOCK"));
        yield return Attack("standby default security list admits SSH inside the VCN", "ENC-NET-006", p =>
        {
            p.Resource("network-standby-default-security-list").Append("ingressSecurityRules", new JsonObject
            {
                ["protocol"] = "6", ["source"] = "10.31.0.0/16", ["sourceType"] = "CIDR_BLOCK", ["stateless"] = false,
                ["tcpOptions"] = new JsonObject { ["min"] = 22, ["max"] = 22 },
            });
            return p.Resource("network-standby-vcn").Urn;
        });
        yield return Attack("a VPN to an address outside the gatekeeper ranges", "ENC-NET-007", p => p.Add("oci:Core/cpe:Cpe", "network-cpe",
            new JsonObject { ["compartmentId"] = p.Resource("network-vcn").Inputs["compartmentId"]!.DeepClone(), ["ipAddress"] = "192.0.3.7" },
            sibling: "network-service-gateway"));
        yield return Attack("default security list of the standby VCN opened to the world", "ENC-NET-005",
            p => p.Resource("network-standby-default-security-list").Append("ingressSecurityRules", new JsonObject
            {
                ["protocol"] = "all", ["source"] = "0.0.0.0/0", ["sourceType"] = "CIDR_BLOCK", ["stateless"] = false,
            }));
    }

    /// <summary>A gateway of <paramref name="type"/> in the primary VCN, beside the service gateway.</summary>
    internal static string AddGateway(Prod p, string type, string name)
    {
        var sgw = p.Resource("network-service-gateway").Inputs;
        return p.Add(type, name, new JsonObject
        {
            ["compartmentId"] = sgw["compartmentId"]!.DeepClone(),
            ["vcnId"] = sgw["vcnId"]!.DeepClone(),
            ["displayName"] = name,
            ["enabled"] = true,
        }, sibling: "network-service-gateway").Urn;
    }

    internal static JsonObject Route(string destination, string type, string gatewayUrn) => new()
    {
        ["destination"] = destination,
        ["destinationType"] = type,
        ["networkEntityId"] = gatewayUrn,
    };
}
