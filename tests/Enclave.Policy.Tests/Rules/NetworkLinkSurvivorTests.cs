using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;
using static Enclave.Policy.Tests.Support.RuleRunner;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16: the real gaps among the survivors of the `Rules/Network` slice of 13:03 (ENC-NET-005, 007, 072;
/// docs/testing.md, "Surviving mutants"), each killed by a verdict a user sees.
/// </summary>
public class NetworkLinkSurvivorTests
{
    private static GraphBuilder WithDrg()
    {
        var g = Build();
        g.Add(OciTypes.Drg, "drg", new { compartmentId = Ref("enclave") });
        return g;
    }

    /// <summary>ENC-NET-007: the older attachment shape (a top-level vcnId, no networkDetails) is judged by its VCN.</summary>
    [Theory]
    [InlineData("ref:vcn", FindingStatus.Pass)]
    [InlineData("ocid1.vcn.oc1.iad.otherteam", FindingStatus.Fail)]
    public void A_drg_attachment_by_vcn_id_joins_only_a_vcn_of_the_stack(string vcnId, FindingStatus expected)
    {
        var g = WithDrg();
        g.Add(OciTypes.DrgAttachment, "drg-att", new { drgId = Ref("drg"), vcnId });
        Assert.Equal(expected, Status(g, "ENC-NET-007", "drg-att"));
    }

    /// <summary>ENC-NET-007: an attachment whose network type is not known yet is undetermined, even when its id is a VCN of the stack.</summary>
    [Fact]
    public void A_drg_attachment_of_unknown_type_is_undetermined()
    {
        var g = WithDrg();
        g.Add(OciTypes.DrgAttachment, "drg-att", new { drgId = Ref("drg"), networkDetails = new { type = Unknown, id = Ref("vcn") } });
        Assert.Equal(FindingStatus.Undetermined, Status(g, "ENC-NET-007", "drg-att"));
    }

    /// <summary>ENC-NET-072: an attachment that exports routes through a distribution of its own fails.</summary>
    [Fact]
    public void A_drg_attachment_with_an_export_distribution_fails()
    {
        var g = WithDrg();
        g.Add(OciTypes.DrgAttachment, "drg-att", new { drgId = Ref("drg"), vcnId = Ref("vcn") });
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-NET-072", "drg-att"));
        g.With("drg-att", "exportDrgRouteDistributionId", "ocid1.drgroutedistribution.oc1.iad.all");
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-NET-072", "drg-att"));
    }

    /// <summary>ENC-NET-072: a virtual circuit passes only private, on a DRG of the stack, with no public prefixes.</summary>
    [Fact]
    public void A_virtual_circuit_is_private_on_a_drg_of_the_stack()
    {
        static GraphBuilder Circuit(object type, object gatewayId, object? publicPrefixes = null)
        {
            var g = WithDrg();
            g.Add(OciTypes.VirtualCircuit, "vc", new { compartmentId = Ref("enclave"), type, gatewayId, publicPrefixes });
            return g;
        }
        Assert.Equal(FindingStatus.Pass, Status(Circuit("PRIVATE", Ref("drg")), "ENC-NET-072", "vc"));
        Assert.Equal(FindingStatus.Fail, Status(Circuit("PUBLIC", Ref("drg")), "ENC-NET-072", "vc"));
        Assert.Equal(FindingStatus.Fail, Status(Circuit("PRIVATE", "ocid1.drg.oc1.iad.parent"), "ENC-NET-072", "vc"));
        Assert.Equal(FindingStatus.Fail, Status(Circuit("PRIVATE", Ref("drg"), new[] { new { cidrBlock = "203.0.113.0/24" } }), "ENC-NET-072", "vc"));
    }

    public static TheoryData<GraphPath> Paths() => new(AllPaths);

    private static FindingStatus StatusOn(GraphBuilder g, string ruleId, string resource, GraphPath path) =>
        Run(g, path, ruleId).Findings.Single(f => f.Urn == g.Urn(resource)).Status;

    /// <summary>
    /// ENC-NET-007, ENC-NET-072 on every path: a DRG, its attachments (both shapes), a peered pair and a virtual circuit
    /// created together pass, also on a preview where each id is unknown and known only by what it was built from
    /// (the input keys the rules read that lineage under).
    /// </summary>
    [Theory]
    [MemberData(nameof(Paths))]
    public void Links_created_together_pass_on_every_path(GraphPath path)
    {
        var g = WithDrg();
        g.Add(OciTypes.DrgAttachment, "by-vcn-id", new { drgId = Ref("drg"), vcnId = Ref("vcn") });
        g.Add(OciTypes.DrgAttachment, "by-details", new { drgId = Ref("drg"), networkDetails = new { type = "VCN", id = Ref("vcn") } });
        g.Add(OciTypes.LocalPeeringGateway, "acceptor", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn") });
        g.Add(OciTypes.LocalPeeringGateway, "requestor", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), peerId = Ref("acceptor") });
        g.Add(OciTypes.VirtualCircuit, "vc", new { compartmentId = Ref("enclave"), type = "PRIVATE", gatewayId = Ref("drg") });
        foreach (var name in new[] { "by-vcn-id", "by-details", "requestor" })
            Assert.Equal(FindingStatus.Pass, StatusOn(g, "ENC-NET-007", name, path));
        Assert.Equal(FindingStatus.Pass, StatusOn(g, "ENC-NET-072", "vc", path));
    }
}
