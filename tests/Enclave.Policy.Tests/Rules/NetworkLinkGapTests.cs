using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;
using static Enclave.Policy.Tests.Support.RuleRunner;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16, Rules/Network: the ways out of the enclave and the address space, each allowed shape next to its near
/// miss: the service gateway's scope where the stack says Object Storage only (ENC-NET-011), on-premises and peering
/// links (ENC-NET-007), and the VCN's and subnets' declared IPv4 space (ENC-NET-071).
/// </summary>
public class NetworkLinkGapTests
{
    // ENC-NET-011, with network.serviceGateway: object-storage.

    private static readonly PolicyContext ObjectStorageOnly = CompliantEnclave.Policy with { ServiceGatewayObjectStorageOnly = true };

    private static GraphBuilder ObjectStorageEnclave(object? serviceName = null)
    {
        var g = Build().With("sgw", "services", new[] { new { serviceId = "ocid1.service.oc1.iad.os", serviceName } });
        g.With("data-rt", "routeRules", new[] { new { networkEntityId = Ref("sgw"), destination = "oci-iad-objectstorage", destinationType = "SERVICE_CIDR_BLOCK" } });
        return g.With("data-sl", "egressSecurityRules", new[] { new { protocol = "6", destination = "oci-iad-objectstorage", destinationType = "SERVICE_CIDR_BLOCK" } });
    }

    [Theory]
    [InlineData(null, FindingStatus.Pass)]                                   // a preview shows no name: the declared service decides
    [InlineData("OCI IAD Object Storage", FindingStatus.Pass)]
    [InlineData("All IAD Services In Oracle Services Network", FindingStatus.Fail)]
    [InlineData("IAD Autonomous Database", FindingStatus.Fail)]
    public void The_gateway_attaches_the_object_storage_service_only(string? name, FindingStatus expected) =>
        Assert.Equal(expected, Status(ObjectStorageEnclave(name), "ENC-NET-011", "sgw", ObjectStorageOnly));

    [Fact]
    public void The_deployed_state_names_the_attached_service()
    {
        var g = ObjectStorageEnclave();
        g["sgw"].Outputs["services"] = new[] { new { serviceId = "ocid1.service.oc1.iad.os", serviceName = "All IAD Services In Oracle Services Network" } };
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-011", "sgw", ObjectStorageOnly));
        // The state lists other services than the one attached: inputs and state disagree.
        g["sgw"].Outputs["services"] = new[] { new { serviceId = "ocid1.service.oc1.iad.other", serviceName = "OCI IAD Object Storage" } };
        Assert.Equal(FindingStatus.Undetermined, Status(g, "ENC-NET-011", "sgw", ObjectStorageOnly));
        Assert.Equal(FindingStatus.Undetermined, Status(ObjectStorageEnclave().With("sgw", "services", Unknown), "ENC-NET-011", "sgw", ObjectStorageOnly));
    }

    [Fact]
    public void With_no_service_declared_only_the_state_ties_an_ocid_to_object_storage()
    {
        var undeclared = ObjectStorageOnly with { ObjectStorageServiceIds = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty };
        Assert.Equal(FindingStatus.Undetermined, Status(ObjectStorageEnclave(), "ENC-NET-011", "sgw", undeclared));
        // A name written into the inputs is a claim: it never ties the OCID to Object Storage.
        Assert.Equal(FindingStatus.Undetermined, Status(ObjectStorageEnclave("OCI IAD Object Storage"), "ENC-NET-011", "sgw", undeclared));
        var g = ObjectStorageEnclave();
        g["sgw"].Outputs["services"] = new[] { new { serviceId = "ocid1.service.oc1.iad.os", serviceName = "OCI IAD Object Storage" } };
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-011", "sgw", undeclared));
    }

    [Fact]
    public void A_declared_service_is_the_only_one_that_passes_whatever_the_inputs_claim()
    {
        var g = ObjectStorageEnclave("OCI IAD Object Storage").With("sgw", "services",
            new[] { new { serviceId = "ocid1.service.oc1.iad.all", serviceName = "OCI IAD Object Storage" } });
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-011", "sgw", ObjectStorageOnly));
    }

    [Fact]
    public void Where_the_stack_allows_all_services_the_gateway_passes()
    {
        var g = ObjectStorageEnclave("All IAD Services In Oracle Services Network");
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-011", "sgw"));
    }

    [Theory]
    [InlineData(null, "all-iad-services-in-oracle-services-network", null, FindingStatus.Fail)]   // no type: the label says service
    [InlineData("SERVICE_CIDR_BLOCK", null, "all-iad-services-in-oracle-services-network", FindingStatus.Fail)]  // deprecated cidrBlock
    [InlineData("service_cidr_block", "oci-iad-objectstorage", null, FindingStatus.Pass)]
    [InlineData("SERVICE_CIDR_BLOCK", "oci-iad-objectstorage-all", null, FindingStatus.Fail)]
    [InlineData("SERVICE_CIDR_BLOCK", "iad-objectstorage", null, FindingStatus.Fail)]
    public void Service_routes_reach_object_storage_only(string? type, string? destination, string? cidrBlock, FindingStatus expected)
    {
        var g = ObjectStorageEnclave().With("data-rt", "routeRules",
            new[] { new { networkEntityId = Ref("sgw"), destination, cidrBlock, destinationType = type } });
        Assert.Equal(expected, Status(g, "ENC-NET-011", "data-rt", ObjectStorageOnly));
    }

    [Fact]
    public void An_ingress_nsg_rule_is_judged_on_its_destination_label_too()
    {
        var g = ObjectStorageEnclave().With("db-nsg-in", "destination", "all-iad-services-in-oracle-services-network")
            .With("db-nsg-in", "destinationType", "SERVICE_CIDR_BLOCK");
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-011", "db-nsg-in", ObjectStorageOnly));
    }

    // ENC-NET-007: CPEs at gatekeeper or on-premises addresses, IPSec routes to on-premises, attachments of the stack's VCNs.

    [Theory]
    [InlineData("198.51.100.7", FindingStatus.Pass)]
    [InlineData("192.0.2.9", FindingStatus.Pass)]
    [InlineData("198.51.101.7", FindingStatus.Fail)]
    public void A_cpe_is_a_gatekeeper_or_on_premises_address(string ip, FindingStatus expected)
    {
        var g = Build();
        g.Add(OciTypes.Cpe, "cpe", new { compartmentId = Ref("enclave"), ipAddress = ip });
        Assert.Equal(expected, Status(g, "ENC-NET-007", "cpe"));
    }

    [Fact]
    public void A_cpe_inside_the_gatekeeper_ranges_that_is_also_a_parent_address_fails()
    {
        var g = Build();
        g.Add(OciTypes.Cpe, "cpe", new { compartmentId = Ref("enclave"), ipAddress = "198.51.100.200" });
        var policy = CompliantEnclave.Policy with { Parent = CompliantEnclave.Policy.Parent with { Cidrs = ["198.51.100.128/25"] } };
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-007", "cpe", policy));
    }

    [Theory]
    [InlineData(new[] { "192.0.2.0/25" }, FindingStatus.Pass)]
    [InlineData(new[] { "192.0.2.0/25", "10.9.0.0/16" }, FindingStatus.Fail)]
    [InlineData(new[] { "198.51.100.0/24" }, FindingStatus.Fail)]      // a gatekeeper range is no on-premises route
    public void Ipsec_static_routes_stay_inside_the_on_premises_ranges(string[] routes, FindingStatus expected)
    {
        var g = Build();
        g.Add(OciTypes.Ipsec, "vpn", new { compartmentId = Ref("enclave"), cpeId = "ocid1.cpe.oc1.iad.x", drgId = "ocid1.drg.oc1.iad.x", staticRoutes = routes });
        Assert.Equal(expected, Status(g, "ENC-NET-007", "vpn"));
        Assert.Equal(FindingStatus.Undetermined, Status(g.With("vpn", "staticRoutes", Unknown), "ENC-NET-007", "vpn"));
    }

    [Theory]
    [InlineData("VCN", "ref:vcn", FindingStatus.Pass)]
    [InlineData("vcn", "ref:vcn", FindingStatus.Pass)]
    [InlineData("VCN", "ocid1.vcn.oc1.iad.otherteam", FindingStatus.Fail)]
    [InlineData("IPSEC_TUNNEL", "ocid1.ipsectunnel.oc1.iad.x", FindingStatus.Fail)]
    public void A_drg_attachment_joins_only_a_vcn_of_the_stack(string type, string id, FindingStatus expected)
    {
        var g = Build();
        g.Add(OciTypes.Drg, "drg", new { compartmentId = Ref("enclave") });
        g.Add(OciTypes.DrgAttachment, "drg-att", new { drgId = Ref("drg"), networkDetails = new { type, id } });
        Assert.Equal(expected, Status(g, "ENC-NET-007", "drg-att"));
    }

    [Fact]
    public void A_stack_without_links_passes_and_an_unpeered_gateway_is_not_a_link_out()
    {
        Assert.Equal(FindingStatus.Pass, Status(Build(), "ENC-NET-007", null));
        var g = Build();
        g.Add(OciTypes.LocalPeeringGateway, "lpg", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn") });
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-007", "lpg"));
        // With a link declared, the stack no longer claims to have none.
        Assert.DoesNotContain(RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-NET-007").Findings, f => f.Urn.Contains("pulumi:pulumi:Stack::", StringComparison.Ordinal));
        g.With("lpg", "peerId", "ocid1.localpeeringgateway.oc1.iad.parent");
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-007", "lpg"));
    }
}
