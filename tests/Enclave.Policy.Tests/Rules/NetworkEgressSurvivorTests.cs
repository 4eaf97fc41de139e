using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;
using static Enclave.Policy.Tests.Support.RuleRunner;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16, survivors of the mutation run of ENC-NET-070 (EgressToDeclaredNetworks) and ENC-NET-011
/// (ServiceGatewayScope), docs/testing.md: a finding blames the resource that holds the rule and no other, and every
/// kind of route table the stack manages is held to the Object Storage label.
/// </summary>
public class NetworkEgressSurvivorTests
{
    private static readonly PolicyContext ObjectStorageOnly = CompliantEnclave.Policy with { ServiceGatewayObjectStorageOnly = true };

    private static GraphBuilder WithEgressNsgRule(GraphBuilder g, string destination)
    {
        g.Add(OciTypes.NsgRule, "db-nsg-out", new
        {
            networkSecurityGroupId = Ref("db-nsg"), direction = "EGRESS", protocol = "6", destination, destinationType = "CIDR_BLOCK",
        });
        return g;
    }

    /// <summary>
    /// A security list that sends to the internet fails, and the lists and NSG rules judged after it keep their own
    /// verdicts: the rules read for one resource are not carried into the next (the rule reuses one list of rules).
    /// </summary>
    [Fact]
    public void An_undeclared_egress_fails_only_the_resource_that_holds_it()
    {
        var g = WithEgressNsgRule(Build(), "10.0.5.0/24")
            .With("data-sl", "egressSecurityRules", new[] { new { protocol = "6", destination = "8.8.8.0/24", destinationType = "CIDR_BLOCK" } });
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-070", "data-sl"));
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-070", "default-sl"));
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-070", "db-nsg-out"));
        Assert.Null(Status(g, "ENC-NET-070", "db-nsg-in"));
    }

    /// <summary>The same for the service label (ENC-NET-011, Object Storage only): one list's all-services label fails that list alone.</summary>
    [Fact]
    public void An_all_services_label_fails_only_the_resource_that_holds_it()
    {
        var g = WithEgressNsgRule(Build(), "10.0.5.0/24");  // data-sl keeps the compliant enclave's all-services egress rule
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-011", "data-sl", ObjectStorageOnly));
        Assert.NotEqual(FindingStatus.Fail, Status(g, "ENC-NET-011", "db-nsg-in", ObjectStorageOnly));
        Assert.NotEqual(FindingStatus.Fail, Status(g, "ENC-NET-011", "db-nsg-out", ObjectStorageOnly));
        Assert.NotEqual(FindingStatus.Fail, Status(g, "ENC-NET-011", "default-sl", ObjectStorageOnly));
    }

    /// <summary>The VCN's default route table, managed by the stack, is a route table like any other for the service label.</summary>
    [Theory]
    [InlineData("all-iad-services-in-oracle-services-network", FindingStatus.Fail)]
    [InlineData("oci-iad-objectstorage", FindingStatus.Pass)]
    public void A_managed_default_route_table_reaches_object_storage_only(string label, FindingStatus expected)
    {
        var g = Build();
        g["vcn"].Outputs["defaultRouteTableId"] = "ocid1.routetable.oc1.iad.default";
        g.Add(OciTypes.DefaultRouteTable, "default-rt", new
        {
            manageDefaultResourceId = OutputOf("vcn", "defaultRouteTableId"), compartmentId = Ref("enclave"),
            routeRules = new[] { new { networkEntityId = Ref("sgw"), destination = label, destinationType = "SERVICE_CIDR_BLOCK" } },
        });
        Assert.Equal(expected, Status(g, "ENC-NET-011", "default-rt", ObjectStorageOnly));
    }
    private static FindingStatus? RouteStatus(object routeRules) =>
        Status(Build().With("data-rt", "routeRules", routeRules), "ENC-NET-011", "data-rt", ObjectStorageOnly);

    [Fact]
    public void Route_rules_unknown_until_deploy_leave_the_service_scope_undetermined() =>
        Assert.Equal(FindingStatus.Undetermined, RouteStatus(Unknown));

    /// <summary>The deprecated <c>cidrBlock</c> is the destination of a rule that has none: an Object Storage label there passes.</summary>
    [Fact]
    public void A_service_route_written_with_the_deprecated_cidr_block_is_read()
    {
        Assert.Equal(FindingStatus.Pass, RouteStatus(new[] { new { networkEntityId = Ref("sgw"), cidrBlock = "oci-iad-objectstorage", destinationType = "SERVICE_CIDR_BLOCK" } }));
        Assert.Equal(FindingStatus.Fail, RouteStatus(new[] { new { networkEntityId = Ref("sgw"), cidrBlock = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" } }));
    }

    /// <summary>
    /// An address is no service label: a route or rule to a CIDR block without a type is not taken for one, and a rule whose
    /// type the gate cannot read is undetermined (it may be a service label), not failed as the all-services label.
    /// </summary>
    [Fact]
    public void An_address_is_not_taken_for_a_service_label()
    {
        Assert.Null(RouteStatus(new[] { new { networkEntityId = Ref("sgw"), cidrBlock = "192.0.2.0/24" } }));
        var g = Build();
        g.Add(OciTypes.NsgRule, "db-nsg-out", new { networkSecurityGroupId = Ref("db-nsg"), direction = "EGRESS", protocol = "6", destination = "10.0.5.0/24", destinationType = Unknown });
        Assert.Equal(FindingStatus.Undetermined, Status(g, "ENC-NET-011", "db-nsg-out", ObjectStorageOnly));
    }

    /// <summary>An ingress NSG rule's destination is judged by its declared type and its own value, as the egress peers are.</summary>
    [Theory]
    [InlineData("oci-iad-objectstorage", null)]
    [InlineData("oci-iad-streaming", FindingStatus.Fail)]      // a service label, by its type, that is not Object Storage
    public void An_ingress_nsg_rules_service_destination_is_object_storage_only(string label, FindingStatus? expected)
    {
        var g = Build().With("db-nsg-in", "destination", label).With("db-nsg-in", "destinationType", "SERVICE_CIDR_BLOCK");
        var status = Status(g, "ENC-NET-011", "db-nsg-in", ObjectStorageOnly);
        if (expected is null) Assert.NotEqual(FindingStatus.Fail, status);
        else Assert.Equal(expected, status);
    }
}
