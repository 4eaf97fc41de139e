using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16: survivors of Rules/Iam/PolicyResource.cs and ParentPrincipalsExcluded.cs (docs/testing.md), each a
/// verdict a user relies on.
/// </summary>
public class IamPolicySurvivorTests
{
    private const string Harmless = "allow group data-engineers to read metrics in compartment usde-dev";

    /// <summary>
    /// PolicyResource.cs: every statement the gate cannot read counts, not only the last one. A statement that does
    /// not parse fails a critical rule (it may grant the parent company anything); a later statement of the same
    /// policy known only at deploy must not turn that failure into an advisory "undetermined".
    /// </summary>
    [Fact]
    public void An_unparsable_statement_fails_even_when_a_later_one_is_known_only_at_deploy()
    {
        var g = Build().With("root-policy", "statements",
            new object[] { Harmless, "allow group parent-admins to frobnicate everything in tenancy", Harmless, GraphBuilder.Unknown });
        var finding = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-003").Findings.Single(f => f.Urn == g.Urn("root-policy"));
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Contains("statement 1 does not parse", finding.Finding.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// ParentPrincipalsExcluded.cs: a statement known only at deploy may grant the parent company anything, so the
    /// policy is undetermined (blocking in a check, advisory in a preview), not failed as if the gate had read a
    /// parent grant; a readable parent grant beside it fails.
    /// </summary>
    [Fact]
    public void A_statement_known_only_at_deploy_leaves_the_parent_rule_undetermined_and_a_parent_grant_fails()
    {
        var unknownOnly = Build().With("root-policy", "statements", new object[] { Harmless, GraphBuilder.Unknown });
        Assert.Equal(FindingStatus.Undetermined, RuleRunner.Status(unknownOnly, "ENC-IAM-003", "root-policy"));
        var withGrant = Build().With("root-policy", "statements",
            new object[] { "allow group parent-admins to read metrics in compartment usde-dev", GraphBuilder.Unknown });
        Assert.Equal(FindingStatus.Fail, RuleRunner.Status(withGrant, "ENC-IAM-003", "root-policy"));
    }
}
