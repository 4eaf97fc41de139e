using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>Round 12's literals: an unknown reference beside a literal field stays advisory in a preview (the cloud computes ids).</summary>
public class LiteralBesideReferenceTests
{
    [Theory]
    [InlineData(GraphPath.HandKnownIds)]
    [InlineData(GraphPath.PreviewJson)]
    public void A_route_to_a_gateway_not_created_yet_and_an_NSG_source_not_created_yet_pass(GraphPath path)
    {
        var g = CompliantEnclave.Build();
        g.With("data-rt", "routeRules", new[] { new { networkEntityId = GraphBuilder.Unknown, destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" } });
        g.With("db-nsg-in", "source", GraphBuilder.Unknown).With("db-nsg-in", "sourceType", "NETWORK_SECURITY_GROUP");

        var report = RuleRunner.Run(g, path, "ENC-GOV-007");

        Assert.True(report.Findings.All(f => f.Status == FindingStatus.Pass), RuleRunner.Describe(report));
    }
}
