using Enclave.Policy.Engine;
using Enclave.Policy.Rules.Iam.DataAccess;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;

namespace Enclave.Policy.Tests.Rules;

/// <summary>ENC-IAM-031: which persona grants hold only with MFA and from the persona's own network source.</summary>
public class PersonaSignOnTests
{
    private const string AuditorNetworks = "usde-dev-auditor-networks";
    private const string FromAuditorNetworks = "request.networkSource.name = '" + AuditorNetworks + "'";

    private static FindingStatus Status(string statement)
    {
        var g = Build();
        g.Add(EnclaveIdentities.NetworkSourceType, "auditor-networks",
            new { compartmentId = Tenancy, name = AuditorNetworks, description = "US oversight", publicSourceLists = new[] { "203.0.113.0/28" } });
        g.With("root-policy", "statements", new[] { statement });
        return RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-031").Findings.Single(f => f.Urn == g.Urn("root-policy")).Status;
    }

    [Theory]
    [InlineData("allow group enclave-auditors to read audit-events in tenancy where all {" + FromAuditorNetworks + ", " + WithMfa + "}", FindingStatus.Pass)]
    [InlineData("allow group enclave-auditors to read audit-events in tenancy where all {" + FromGatekeeperNetworks + ", " + WithMfa + "}", FindingStatus.Pass)]
    [InlineData("allow group enclave-operators to read autonomous-databases in compartment usde-dev where all {" + WithMfa + ", " + FromGatekeeperNetworks + "}", FindingStatus.Pass)]
    [InlineData("allow group enclave-operators to read autonomous-databases in compartment usde-dev where all {" + WithMfa + ", " + FromAuditorNetworks + "}", FindingStatus.Fail)]
    [InlineData("allow group enclave-auditors to read audit-events in tenancy where " + FromAuditorNetworks, FindingStatus.Fail)]
    [InlineData("allow group enclave-auditors to read audit-events in tenancy where all {" + WithMfa + ", request.networkSource.name != 'x'}", FindingStatus.Fail)]
    [InlineData("allow group enclave-gatekeepers to manage policies in tenancy where all {request.user.mfaTotpVerified != 'false', " + FromGatekeeperNetworks + "}", FindingStatus.Fail)]
    [InlineData("allow group enclave-gatekeepers, enclave-auditors to read audit-events in tenancy where all {" + WithMfa + ", " + FromAuditorNetworks + "}", FindingStatus.Fail)]
    [InlineData("allow dynamic-group usde-dev-adb to use keys in compartment usde-dev", FindingStatus.Pass)]
    [InlineData("allow group somebody-else to read buckets in compartment usde-dev", FindingStatus.Pass)]
    public void Only_MFA_from_the_persona_network_passes(string statement, FindingStatus expected) =>
        Assert.Equal(expected, Status(statement));
}
