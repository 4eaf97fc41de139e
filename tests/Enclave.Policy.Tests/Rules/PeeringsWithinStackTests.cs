using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>ENC-NET-072 on pairs: a requestor names its peer, the acceptor names nobody; both belong to the stack.</summary>
public class PeeringsWithinStackTests
{
    public static TheoryData<GraphPath> Paths() => new(RuleRunner.AllPaths);

    private static FindingStatus StatusOf(GraphBuilder g, string resource, GraphPath path) =>
        RuleRunner.Run(g, path, "ENC-NET-072").Findings.Single(f => f.Urn == g.Urn(resource)).Status;

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_pair_of_the_stack_passes_on_both_sides(GraphPath path)
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.LocalPeeringGateway, "acceptor", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn") });
        g.Add(OciTypes.LocalPeeringGateway, "requestor", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), peerId = Ref("acceptor") });
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "requestor", path));
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "acceptor", path));
    }

    [Theory]
    [InlineData(GraphPath.HandKnownIds)]
    [InlineData(GraphPath.StackExportJson)]
    public void A_gateway_naming_itself_is_no_pair(GraphPath path)
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.LocalPeeringGateway, "lpg", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), peerId = "ocid1.localpeeringgateway.oc1.iad.lpg" });
        Assert.Equal("ocid1.localpeeringgateway.oc1.iad.lpg", IdOf(g["lpg"]));
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "lpg", path));
    }
}
