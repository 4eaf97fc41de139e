using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam;
using static Enclave.Policy.Tests.Iam.LandingZoneModel;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// The forward questions (<see cref="AccessEvaluator.MayAllow"/>, <see cref="AccessEvaluator.MayAllowAnything"/>) run
/// under the work budget of the access table: every statement weighed is charged by its size (its groups, condition
/// clauses and values), so a hostile policy set cannot make the gate run for hours, and within the budget nothing changes.
/// </summary>
public sealed class MayAllowBudgetTests
{
    private const string Domain = "ParentCorpDomain";

    /// <summary>N statements, each naming its own group of the parent's domain, under a condition of one clause and one value.</summary>
    private static AccessEvaluator Hostile(int statements) => Evaluator(new IamPolicy("hostile", Root,
        [.. Enumerable.Range(0, statements).Select(i =>
            $"allow group {Domain}/g{i} to read buckets in tenancy where request.user.name = 'u{i}'")]));

    [Fact]
    public void Each_statement_weighed_is_charged_by_its_groups_and_condition()
    {
        var lz = Evaluator(new IamPolicy("p", Root,
            ["allow group a, b, c to read buckets in tenancy where all {request.user.name = 'x', request.region = 'iad'}"]));
        var unbudgeted = lz.MayAllowAnything(Principal.GroupMember("a"));
        var budget = new EvaluationBudget(long.MaxValue);
        var budgeted = lz.MayAllowAnything(Principal.GroupMember("a"), budget: budget);
        Assert.Equal(unbudgeted.Outcome, budgeted.Outcome);
        Assert.Equal(unbudgeted.Grants.Select(g => g.Statement.Reference), budgeted.Grants.Select(g => g.Statement.Reference));
        // Every statement of the model is weighed once; the hostile-free one above costs 1 + 3 groups + (1 + 2 × 2) condition.
        var again = new EvaluationBudget(long.MaxValue);
        lz.MayAllowAnything(Principal.GroupMember("a"), budget: again);
        Assert.Equal(budget.Spent, again.Spent);
        var without = new EvaluationBudget(long.MaxValue);
        Evaluator().MayAllowAnything(Principal.GroupMember("a"), budget: without);
        Assert.Equal(1 + 3 + 5, budget.Spent - without.Spent);
    }

    [Fact]
    public void A_statement_naming_thousands_of_groups_costs_thousands()
    {
        var groups = string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"{Domain}/g{i}"));
        var lz = Evaluator(new IamPolicy("wide", Root, [$"allow group {groups} to read buckets in tenancy"]));
        var baseline = new EvaluationBudget(long.MaxValue);
        Evaluator().MayAllow(Principal.GroupMember("g1", Domain), Verb.Read, "buckets", Root, budget: baseline);
        var budget = new EvaluationBudget(long.MaxValue);
        Assert.True(lz.MayAllow(Principal.GroupMember("g1", Domain), Verb.Read, "buckets", Root, budget: budget).MayAllow);
        Assert.Equal(1 + 5_000, budget.Spent - baseline.Spent);
        Assert.Throws<EvaluationBudgetExceededException>(() =>
            lz.MayAllow(Principal.GroupMember("g1", Domain), Verb.Read, "buckets", Root, budget: new EvaluationBudget(4_000)));
    }

    [Fact]
    public void Probing_every_named_group_of_a_parent_domain_against_every_statement_stops_at_the_budget()
    {
        // The rule's domain probe asks about one principal per group the statements name: 2,000 statements give
        // 2,001 principals × 2,000 statements × 4 = 16 million units of work, refused after the first 100,000.
        var lz = Hostile(2_000);
        var parent = new ParentExclusions { IdentityDomains = [Domain] };
        var principals = ParentPrincipalsExcluded.Principals(parent, lz.Policies).ToList();
        Assert.Equal(2_001, principals.Count);
        var budget = new EvaluationBudget(100_000);
        var e = Assert.Throws<EvaluationBudgetExceededException>(() =>
        {
            foreach (var (_, principal) in principals) lz.MayAllowAnything(principal, budget: budget);
        });
        Assert.Equal(100_000, e.Limit);
        Assert.True(budget.Spent <= 100_000);
    }
}
