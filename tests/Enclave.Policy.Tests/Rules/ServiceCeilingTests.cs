using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;

namespace Enclave.Policy.Tests.Rules;

/// <summary>ENC-IAM-051: what the enclave grants its services passes; one verb or type more fails.</summary>
public class ServiceCeilingTests
{
    private static FindingStatus Status(string statement)
    {
        var g = Build().With("root-policy", "statements", new[] { statement });
        return RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-051").Findings.Single(f => f.Urn == g.Urn("root-policy")).Status;
    }

    [Theory]
    [InlineData("allow service cloudguard to read all-resources in tenancy", FindingStatus.Pass)]
    [InlineData("allow service cloudguard to use network-security-groups in tenancy", FindingStatus.Pass)]
    [InlineData("allow service objectstorage-us-ashburn-1 to use keys in compartment usde-dev where target.key.id = 'ocid1.key.oc1.iad.k'", FindingStatus.Pass)]
    [InlineData("allow service cloudguard to use vnics in tenancy", FindingStatus.Fail)]
    [InlineData("allow service cloudguard to manage network-security-groups in tenancy", FindingStatus.Fail)]
    [InlineData("allow service objectstorage-us-ashburn-1 to manage keys in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow service objectstorage-us-ashburn-1 to read objects in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow service cloudguard, objectstorage-us-ashburn-1 to read all-resources in tenancy", FindingStatus.Fail)]  // Object Storage reads nothing
    [InlineData("deny service cloudguard to use keys in tenancy", FindingStatus.Pass)]  // a deny takes away
    public void A_service_holds_only_what_the_enclave_needs_from_it(string statement, FindingStatus expected) =>
        Assert.Equal(expected, Status(statement));
}
