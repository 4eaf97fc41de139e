using Enclave.Policy.Engine;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Iam;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Issue 16, the shared shape of the IAM rules (Rules/Iam/IamRule.cs, IamView.cs): survivors of the run of
/// 2026-12-07 22:01 UTC (docs/testing.md), each a property a user relies on whatever rule reports it.
/// </summary>
public class IamRuleSurvivorTests
{
    private const string Harmless = "allow group data-engineers to read metrics in compartment usde-dev";
    private const string ManageAll = "allow group enclave-operators to manage all-resources in compartment usde-dev";

    /// <summary>
    /// A policy longer than the table of statement numbers made once (0–255) is still judged, and each flagged
    /// statement is named by its own number: a long policy must not crash the gate or hide where the grant is.
    /// </summary>
    [Fact]
    public void Flagged_statements_past_the_255th_are_named_by_their_number()
    {
        var statements = Enumerable.Repeat(Harmless, 300).ToArray();
        statements[256] = ManageAll;
        statements[299] = ManageAll;
        var g = Build().With("root-policy", "statements", statements);
        var finding = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-IAM-005").Findings.Single(f => f.Urn == g.Urn("root-policy"));
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Contains("statement 256 \"", finding.Finding.Message, StringComparison.Ordinal);
        Assert.Contains("statement 299 \"", finding.Finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("statement 255 \"", finding.Finding.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The IAM model of a graph is made once and shared by every rule, but it is the model of one tenancy (its root
    /// compartment is the tenancy OCID): the same graph judged for another tenancy gets a model of that tenancy, never
    /// the first caller's.
    /// </summary>
    [Fact]
    public void The_shared_iam_view_of_a_graph_is_the_view_of_the_tenancy_asked()
    {
        var graph = RuleRunner.Graph(Build(), GraphPath.HandKnownIds);
        const string other = "ocid1.tenancy.oc1..anothertenancy";
        var first = IamView.For(new RuleContext(graph, CompliantEnclave.Policy));
        var second = IamView.For(new RuleContext(graph, CompliantEnclave.Policy with { TenancyId = other }));
        Assert.Equal(CompliantEnclave.Policy.TenancyId, first.TenancyId);
        Assert.Equal(other, second.TenancyId);
        Assert.Equal(other, second.Model.Tenancy.Id);
    }

    /// <summary>
    /// Rules/Iam/IamTextRule.cs: a text rule keeps every statement it can judge only at deploy, not just the last one
    /// it met. Two policies that each deny Cloud Guard a bucket that may be the log archive (the archive connector's
    /// bucket known only at deploy) are both undetermined: dropping the first policy's doubt would let it pass.
    /// </summary>
    [Fact]
    public void Every_policy_with_a_statement_known_only_at_deploy_stays_undetermined()
    {
        var g = Build()
            .With("archive-connector", "target", new { kind = "objectStorage", bucket = GraphBuilder.Unknown, @namespace = "enclavens" });
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!)
            .Append("deny service cloudguard to read objects in tenancy where target.bucket.name = 'usde-dev-data'").ToArray());
        g.With("oversight-policy", "statements", ((string[])g["oversight-policy"].Inputs["statements"]!)
            .Append("deny service cloudguard to read buckets in tenancy where target.bucket.name = 'usde-dev-data'").ToArray());
        Assert.Equal(FindingStatus.Undetermined, RuleRunner.Status(g, "ENC-IAM-042", "root-policy"));
        Assert.Equal(FindingStatus.Undetermined, RuleRunner.Status(g, "ENC-IAM-042", "oversight-policy"));
    }

    /// <summary>
    /// Rules/Iam/IamView.cs (dynamic groups in the model): the IAM view knows a dynamic group's members by its matching
    /// rule. The stack's database dynamic group (<c>resource.compartment.id</c> = the enclave) may use the enclave's
    /// vaults; a database of a parent-company compartment is certainly not a member, so it is certainly granted nothing.
    /// Without the graph's dynamic groups in the model every resource's membership is unknown and that parent database
    /// "may" use the enclave's keys.
    /// </summary>
    [Fact]
    public void A_resource_outside_the_dynamic_groups_matching_rule_gets_nothing_through_it()
    {
        var graph = RuleRunner.Graph(Build(), GraphPath.HandKnownIds);
        var view = IamView.For(new RuleContext(graph, CompliantEnclave.Policy));
        var enclaveDatabase = Principal.Resource("autonomousdatabase", EnclaveId);
        var parentDatabase = Principal.Resource("autonomousdatabase", "ocid1.compartment.oc1..parentcompanycompartment");
        Assert.True(view.Evaluator.MayAllow(enclaveDatabase, Verb.Use, "vaults", EnclaveId).Definite);
        Assert.Equal(AccessOutcome.No, view.Evaluator.MayAllow(parentDatabase, Verb.Use, "vaults", EnclaveId).Outcome);
    }
}
