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
