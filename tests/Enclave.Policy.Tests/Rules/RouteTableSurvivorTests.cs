using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16, ENC-NET-003: a subnet that names no route table of its own routes by a table the gate reads only when a
/// route-table attachment of the stack names it, or when the stack manages its VCN's default table (DefaultRouteTable).
/// The run of 45ea19c (docs/testing.md) found no test of either way: each case here passes the subnet on the way the
/// stack really chose and fails (or leaves undetermined) its near miss, naming the subnet.
/// </summary>
public class RouteTableSurvivorTests
{
    private const string DefaultTableId = "ocid1.routetable.oc1.iad.vcn-default";

    private static readonly object SgwRoute =
        new { networkEntityId = Ref("sgw"), destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" };

    /// <summary>The compliant enclave with the data subnet naming no route table (the VCN's default table has this id).</summary>
    private static GraphBuilder Unrouted()
    {
        var g = Build().With("data", "routeTableId", null);
        g["vcn"].Outputs["defaultRouteTableId"] = DefaultTableId;
        return g;
    }

    private static FindingStatus? SubnetStatus(GraphBuilder g, GraphPath path)
    {
        var report = RuleRunner.Run(g, path, "ENC-NET-003");
        return report.Findings.Where(f => f.Urn == g.Urn("data")).Select(f => (FindingStatus?)f.Status).SingleOrDefault();
    }

    [Fact]
    public void A_subnet_that_names_no_table_and_has_none_attached_or_managed_fails()
    {
        Assert.Equal(FindingStatus.Fail, SubnetStatus(Unrouted(), GraphPath.HandKnownIds));
    }

    /// <summary>An attachment made with the subnet (its id known or not yet) gives it the stack's table, on every path.</summary>
    [Theory]
    [InlineData(GraphPath.HandKnownIds)]
    [InlineData(GraphPath.HandUnknownIds)]
    [InlineData(GraphPath.StackExportJson)]
    [InlineData(GraphPath.PreviewJson)]
    public void A_subnet_given_a_table_by_a_route_table_attachment_of_the_stack_passes(GraphPath path)
    {
        var g = Unrouted();
        g.Add(OciTypes.RouteTableAttachment, "data-rta", new { subnetId = Ref("data"), routeTableId = Ref("data-rt") });
        Assert.Equal(FindingStatus.Pass, SubnetStatus(g, path));
    }

    /// <summary>An attachment for another subnet does not route this one; one whose subnet is unknown from nothing may.</summary>
    [Theory]
    [InlineData("ocid1.subnet.oc1.iad.someone-elses", FindingStatus.Fail)]
    [InlineData(null, FindingStatus.Fail)]
    [InlineData("unknown", FindingStatus.Undetermined)]
    public void An_attachment_routes_only_the_subnet_it_names(string? subnetId, FindingStatus expected)
    {
        var g = Unrouted();
        g.Add(OciTypes.RouteTableAttachment, "other-rta",
            new { subnetId = subnetId == "unknown" ? Unknown : subnetId, routeTableId = Ref("data-rt") });
        Assert.Equal(expected, SubnetStatus(g, GraphPath.HandKnownIds));
    }

    /// <summary>A DefaultRouteTable built from the VCN (its output) manages that VCN's default table, on every path.</summary>
    [Theory]
    [InlineData(GraphPath.HandKnownIds)]
    [InlineData(GraphPath.HandUnknownIds)]
    [InlineData(GraphPath.StackExportJson)]
    [InlineData(GraphPath.PreviewJson)]
    public void A_subnet_routed_by_its_vcns_default_table_passes_when_the_stack_manages_that_table(GraphPath path)
    {
        var g = Unrouted();
        g.Add(OciTypes.DefaultRouteTable, "default-rt",
            new { manageDefaultResourceId = OutputOf("vcn", "defaultRouteTableId"), compartmentId = Ref("enclave"), routeRules = new[] { SgwRoute } });
        Assert.Equal(FindingStatus.Pass, SubnetStatus(g, path));
    }

    /// <summary>
    /// A DefaultRouteTable written with a literal id (an imported stack, no lineage) manages the subnet's default table
    /// only when the id is the VCN's own; an id or a VCN output the gate cannot read leaves the subnet undetermined.
    /// </summary>
    [Theory]
    [InlineData(DefaultTableId, DefaultTableId, FindingStatus.Pass)]
    [InlineData("ocid1.routetable.oc1.iad.another-vcns-default", DefaultTableId, FindingStatus.Fail)]
    [InlineData("unknown", DefaultTableId, FindingStatus.Undetermined)]
    [InlineData(DefaultTableId, "unknown", FindingStatus.Undetermined)]
    public void A_default_table_named_by_its_literal_id_manages_only_the_vcns_own(string managed, string vcnDefault, FindingStatus expected)
    {
        var g = Unrouted();
        g["vcn"].Outputs["defaultRouteTableId"] = vcnDefault == "unknown" ? Unknown : vcnDefault;
        g.Add(OciTypes.DefaultRouteTable, "default-rt",
            new { manageDefaultResourceId = managed == "unknown" ? Unknown : managed, compartmentId = Ref("enclave"), routeRules = new[] { SgwRoute } });
        Assert.Equal(expected, SubnetStatus(g, GraphPath.HandKnownIds));
    }

    /// <summary>A subnet in a VCN that is not the stack's is not routed by the stack's managed default table.</summary>
    [Fact]
    public void A_managed_default_table_does_not_route_a_subnet_of_a_vcn_outside_the_stack()
    {
        var g = Unrouted().With("data", "vcnId", "ocid1.vcn.oc1.iad.someone-elses");
        g.Add(OciTypes.DefaultRouteTable, "default-rt",
            new { manageDefaultResourceId = OutputOf("vcn", "defaultRouteTableId"), compartmentId = Ref("enclave"), routeRules = new[] { SgwRoute } });
        Assert.Equal(FindingStatus.Fail, SubnetStatus(g, GraphPath.HandKnownIds));
    }
}
