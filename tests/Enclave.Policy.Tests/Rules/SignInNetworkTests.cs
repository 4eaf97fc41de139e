using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>ENC-IDN-110: the tenancy's sign-in network policy may name the stack's narrow network sources, or none.</summary>
public class SignInNetworkTests
{
    private static FindingStatus Status(Func<GraphBuilder, GraphBuilder> edit)
    {
        var g = edit(CompliantEnclave.Build());
        var report = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IDN-110");
        return report.Findings.Single(f => f.Urn == g.Urn("password-policy")).Status;
    }

    [Fact]
    public void The_gatekeepers_own_network_source_may_restrict_sign_in() =>
        Assert.Equal(FindingStatus.Pass, Status(g => g.With("password-policy", "networkPolicy", new { networkSourceIds = new[] { Ref("gatekeeper-networks") } })));

    [Fact]
    public void No_network_policy_or_an_empty_one_restricts_nothing_the_gate_relies_on()
    {
        Assert.Equal(FindingStatus.Pass, Status(g => g));
        Assert.Equal(FindingStatus.Pass, Status(g => g.With("password-policy", "networkPolicy", new { networkSourceIds = Array.Empty<string>() })));
    }

    [Fact]
    public void A_stack_network_source_and_a_foreign_one_together_fail() =>
        Assert.Equal(FindingStatus.Fail, Status(g => g.With("password-policy", "networkPolicy",
            new { networkSourceIds = new object[] { Ref("gatekeeper-networks"), "ocid1.networksource.oc1..parentco" } })));
}
