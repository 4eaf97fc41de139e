using Enclave.Policy.Graph;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Support;

/// <summary>The compliant enclave's network: one VCN with a private subnet, its lists, NSG and Bastion.</summary>
public static partial class CompliantEnclave
{
    /// <summary>The VCN, its default list, service gateway, route table, security list, subnet and the database NSG.</summary>
    private static void AddNetwork(GraphBuilder g)
    {
        g.Add(OciTypes.Vcn, "vcn", new { compartmentId = Ref("enclave"), cidrBlocks = new[] { "10.0.0.0/16" }, displayName = "usde-dev-vcn" })
            .Outputs["defaultSecurityListId"] = "ocid1.securitylist.oc1.iad.default";
        g.Add(OciTypes.DefaultSecurityList, "default-sl", new { manageDefaultResourceId = OutputOf("vcn", "defaultSecurityListId"), compartmentId = Ref("enclave") });
        g.Add(OciTypes.ServiceGateway, "sgw", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), services = new[] { new { serviceId = "ocid1.service.oc1.iad.all" } } });
        g.Add(OciTypes.RouteTable, "data-rt", new
        {
            compartmentId = Ref("enclave"), vcnId = Ref("vcn"),
            routeRules = new[] { new { networkEntityId = Ref("sgw"), destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" } },
        });
        g.Add(OciTypes.SecurityList, "data-sl", new
        {
            compartmentId = Ref("enclave"), vcnId = Ref("vcn"),
            ingressSecurityRules = new[] { new { protocol = "6", source = "10.0.0.0/16", tcpOptions = new { min = 1522, max = 1522 } } },
            egressSecurityRules = new[] { new { protocol = "6", destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" } },
        });
        g.Add(OciTypes.Subnet, "data", new
        {
            compartmentId = Ref("enclave"), vcnId = Ref("vcn"), cidrBlock = "10.0.1.0/24", prohibitPublicIpOnVnic = true,
            prohibitInternetIngress = true, routeTableId = Ref("data-rt"), securityListIds = new[] { Ref("data-sl") },
        });
        g.Add(OciTypes.NetworkSecurityGroup, "db-nsg", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn") });
        g.Add(OciTypes.NsgRule, "db-nsg-in", new
        {
            networkSecurityGroupId = Ref("db-nsg"), direction = "INGRESS", protocol = "6", source = "10.0.0.0/16", sourceType = "CIDR_BLOCK",
            tcpOptions = new { destinationPortRange = new { min = 1522, max = 1522 } },
        });
    }

    /// <summary>The Bastion into the subnet, open to the gatekeepers' range only (added after detection: the graph keeps its order).</summary>
    private static void AddBastion(GraphBuilder g)
    {
        g.Add(OciTypes.Bastion, "bastion", new
        {
            bastionType = "standard", compartmentId = Ref("enclave"), targetSubnetId = Ref("data"),
            clientCidrBlockAllowLists = new[] { "198.51.100.0/24" }, maxSessionTtlInSeconds = 10800,
        });
    }
}
