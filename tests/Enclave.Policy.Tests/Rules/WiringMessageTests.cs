using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// What ENC-GOV-023 tells a reviewer: the finding names each foreign reference with its key, its value and what it
/// should have been, after "required but not met:", and only the references that failed.
/// </summary>
public sealed class WiringMessageTests
{
    [Fact]
    public void A_foreign_reference_is_named_with_its_key_value_and_the_types_it_should_be()
    {
        var g = CompliantEnclave.Build().With("data", "routeTableId", "ocid1.routetable.oc1.iad.anotherteamsroutes");
        // One finding per wiring key of the subnet: only the route table's fails.
        var finding = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-GOV-023").Findings
            .Single(f => f.Urn == g.Urn("data") && f.Status == FindingStatus.Fail);
        var types = $"{OciTypes.ShortName(OciTypes.RouteTable)} or {OciTypes.ShortName(OciTypes.DefaultRouteTable)}";
        Assert.EndsWith($": required but not met: routeTableId ocid1.routetable.oc1.iad.anotherteamsroutes is a {types} of this stack",
            finding.Finding.Message);
    }

    [Fact]
    public void Only_the_foreign_item_of_a_list_is_named()
    {
        var g = CompliantEnclave.Build().With("adb", "nsgIds", new object[] { "ocid1.networksecuritygroup.oc1.iad.foreign" });
        var finding = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-GOV-023").Findings
            .Single(f => f.Urn == g.Urn("adb") && f.Status == FindingStatus.Fail);
        Assert.Contains("required but not met: nsgIds ocid1.networksecuritygroup.oc1.iad.foreign is a ", finding.Finding.Message);
        Assert.DoesNotContain("; ", finding.Finding.Message);
    }
}
