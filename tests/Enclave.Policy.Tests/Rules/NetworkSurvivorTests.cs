using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16: the survivors of the measured `Rules/Network` sub-slices (docs/testing.md, "Surviving mutants"), each
/// killed by a verdict a user sees: what the rule lets through, and what it stops.
/// </summary>
public class NetworkSurvivorTests
{
    /// <summary>
    /// ENC-NET-009: a context whose gatekeeper ranges were never validated (one near-open range) must not let the Bastion
    /// admit a near-open client range merely because it lies inside it; a narrow client range still passes.
    /// </summary>
    [Theory]
    [InlineData("10.0.0.0/8", FindingStatus.Fail)]
    [InlineData("0.0.0.0/1", FindingStatus.Fail)]
    [InlineData("198.51.100.0/25", FindingStatus.Pass)]
    public void The_bastion_admits_no_near_open_client_range_even_inside_the_gatekeeper_ranges(string client, FindingStatus expected)
    {
        var g = Build().With("bastion", "clientCidrBlockAllowLists", new[] { client });
        var wide = CompliantEnclave.Policy with { GatekeeperCidrs = ["0.0.0.0/0"] };
        Assert.Equal(expected, RuleRunner.Status(g, "ENC-NET-009", "bastion", wide));
    }
}
