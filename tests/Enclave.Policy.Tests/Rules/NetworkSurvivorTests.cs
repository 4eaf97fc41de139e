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

    /// <summary>
    /// ENC-NET-003 on a preview: a route table that sends one route to the service gateway and another to a new private
    /// IP (a forwarding instance: a way out no gateway judges) records both as dependencies of <c>routeRules</c>, and
    /// neither id is known yet. The gate cannot tell which route names which target, so it must not take the private
    /// IP's route for the service gateway's: undetermined, never a pass. Once the ids are known the route fails.
    /// </summary>
    [Theory]
    [InlineData(GraphPath.HandUnknownIds, FindingStatus.Undetermined)]
    [InlineData(GraphPath.PreviewJson, FindingStatus.Undetermined)]
    [InlineData(GraphPath.HandKnownIds, FindingStatus.Fail)]
    [InlineData(GraphPath.StackExportJson, FindingStatus.Fail)]
    public void A_route_to_a_private_ip_is_never_taken_for_the_service_gateway(GraphPath path, FindingStatus expected)
    {
        var g = Build();
        g.Add("oci:Core/privateIp:PrivateIp", "forwarder", new { vnicId = "ocid1.vnic.oc1.iad.app" });
        var sgw = new { networkEntityId = Ref("sgw"), destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" };
        var forwarder = new { networkEntityId = Ref("forwarder"), destination = "0.0.0.0/0", destinationType = "CIDR_BLOCK" };
        g.With("data-rt", "routeRules", new[] { sgw, forwarder });
        var report = RuleRunner.Run(g, path, "ENC-NET-003");
        Assert.Equal(expected, report.Findings.Single(f => f.Urn == g.Urn("data-rt")).Status);
    }

    /// <summary>
    /// ENC-NET-071: one block of a VCN's or subnet's CIDR list that the gate cannot read (a secret from the stack config,
    /// or an output known only at deploy) may be any range; the VCN is undetermined, not passed on its readable blocks.
    /// </summary>
    [Theory]
    [InlineData("vcn", "cidrBlocks", "10.0.0.0/16")]
    [InlineData("data", "ipv4cidrBlocks", "10.0.1.0/24")]
    public void An_address_block_the_gate_cannot_read_leaves_the_address_space_undetermined(string resource, string key, string declared)
    {
        Assert.Equal(FindingStatus.Undetermined, RuleRunner.Status(Build().With(resource, key, new object[] { declared, Secret }), "ENC-NET-071", resource));
        Assert.Equal(FindingStatus.Undetermined, RuleRunner.Status(Build().With(resource, key, new object[] { declared, Unknown }), "ENC-NET-071", resource));
        Assert.Equal(FindingStatus.Pass, RuleRunner.Status(Build().With(resource, key, new object[] { declared }), "ENC-NET-071", resource));
    }
}
