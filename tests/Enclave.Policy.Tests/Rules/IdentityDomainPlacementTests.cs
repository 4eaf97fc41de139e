using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>ENC-IDN-096: identity-domain users, providers and credentials in the stack's identity domain pass, as the URL is written.</summary>
public class IdentityDomainPlacementTests
{
    private static FindingStatus Status(object endpoint, PolicyContext policy)
    {
        var g = CompliantEnclave.Build();
        IdentityRound9Cases.BreakGlassUser(g, endpoint);
        var report = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IDN-096", policy);
        return report.Findings.Single(f => f.Urn == g.Urn("breakglass")).Status;
    }

    private static PolicyContext Declared => CompliantEnclave.Policy with { IdentityDomain = "UsdsEnclave", IdentityDomainUrl = IdentityRound9Cases.UsdsDomain };

    [Theory]
    [InlineData(IdentityRound9Cases.UsdsDomain)]
    [InlineData("HTTPS://IDCS-USDS.IDENTITY.ORACLECLOUD.COM/")]
    [InlineData("https://idcs-usds.identity.oraclecloud.com")]
    public void A_user_at_the_declared_domain_url_passes_however_the_url_is_spelled(string endpoint) =>
        Assert.Equal(FindingStatus.Pass, Status(endpoint, Declared));

    [Fact]
    public void A_user_in_a_domain_whose_url_only_resembles_the_declared_one_fails() =>
        Assert.Equal(FindingStatus.Fail, Status("https://idcs-usds.identity.oraclecloud.com.parentco.example", Declared));

    [Fact]
    public void Without_a_declared_url_a_user_with_the_persona_groups_is_undetermined_and_one_elsewhere_fails()
    {
        // With the groups is not proof: the user and all four groups moved together to the parent's domain look the same
        // (as ENC-IDN-050 judges the groups); only a declared groups.identityDomainUrl makes it a pass.
        var policy = CompliantEnclave.Policy with { IdentityDomain = "UsdsEnclave" };
        PolicyContext With(GraphBuilder g)
        {
            foreach (var persona in new[] { "gatekeepers", "operators", "storage-admins", "auditors" })
                g.Add(OciTypes.DomainsGroup, $"domain-{persona}", new Dictionary<string, object?>
                {
                    ["idcsEndpoint"] = IdentityRound9Cases.UsdsDomain, ["displayName"] = $"enclave-{persona}",
                });
            return policy;
        }
        foreach (var (endpoint, expected) in new[] { (IdentityRound9Cases.UsdsDomain, FindingStatus.Undetermined), ("https://idcs-parentco.identity.oraclecloud.com", FindingStatus.Fail) })
        {
            var g = CompliantEnclave.Build();
            var p = With(g);
            IdentityRound9Cases.BreakGlassUser(g, endpoint);
            var report = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IDN-096", p);
            Assert.Equal(expected, report.Findings.Single(f => f.Urn == g.Urn("breakglass")).Status);
        }
    }
}
