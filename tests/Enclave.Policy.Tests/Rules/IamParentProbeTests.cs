using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16, ENC-IAM-003 (parent-company principals are granted nothing): the probes the rule asks the IAM evaluator
/// about, each on its own, so that dropping one of them shows in a verdict.
/// </summary>
public class IamParentProbeTests
{
    private static FindingStatus Status(PolicyContext policy, params string[] statements)
    {
        var g = Build().With("root-policy", "statements", statements);
        return RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-003", policy).Findings.Single(f => f.Urn == g.Urn("root-policy")).Status;
    }

    /// <summary>Only the parent identity domain is configured: no parent group by name or OCID, no parent tenancy.</summary>
    private static readonly PolicyContext DomainOnly = CompliantEnclave.Policy with
    {
        Parent = CompliantEnclave.Policy.Parent with { Groups = [], TenancyOcids = [] },
    };

    /// <summary>
    /// A member of the parent's identity domain may be in a group no statement names: an any-group or any-user grant
    /// reaches them (the "(any other group)" probe); a Default-domain group of the enclave does not.
    /// </summary>
    [Theory]
    [InlineData("allow any-group to inspect buckets in compartment usde-dev", FindingStatus.Fail)]
    [InlineData("allow any-user to read metrics in tenancy", FindingStatus.Fail)]
    [InlineData("allow group 'ParentCorpDomain'/'anyone-at-all' to read metrics in tenancy", FindingStatus.Fail)]
    [InlineData("allow group data-engineers to read metrics in tenancy", FindingStatus.Pass)]
    public void A_parent_domain_member_in_any_group_is_caught_by_the_domain_alone(string statement, FindingStatus expected) =>
        Assert.Equal(expected, Status(DomainOnly, statement));
}
