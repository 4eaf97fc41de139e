using System.Globalization;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules.Iam;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Reports;

/// <summary>
/// The work budget of the access table (<c>ENCLAVE_MAX_ACCESS_WORK</c>): buckets are asked about one by one, so N
/// buckets against M statements whose conditions name other buckets cost N×M evaluations and produce no row.
/// </summary>
public class AccessWorkBudgetTests
{
    /// <summary><paramref name="buckets"/> buckets in the enclave, and as many statements each naming a bucket nobody has.</summary>
    private static ResourceGraph Hostile(int buckets)
    {
        var g = CompliantEnclave.Build();
        for (var i = 0; i < buckets; i++)
            g.Add(OciTypes.Bucket, $"filler-{i}", new { compartmentId = Ref("enclave"), name = $"filler-{i}", @namespace = "enclavens" });
        g.With("root-policy", "statements", Enumerable.Range(0, buckets)
            .Select(i => $"allow group outsiders-{i} to read objects in compartment usde-dev where target.bucket.name = 'nowhere-{i}'")
            .ToArray());
        return g.Build();
    }

    [Fact]
    public void Buckets_times_failing_conditions_is_refused_by_the_work_budget_not_the_row_budget()
    {
        var graph = Hostile(40);
        var unlimited = DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: long.MaxValue, maxEvaluations: long.MaxValue);
        // No condition holds: the statements add no row at all, so the row budget never sees them.
        Assert.DoesNotContain(unlimited.Rows, r => r.Principal.StartsWith("group outsiders-", StringComparison.Ordinal));
        // 40 buckets x 40 statements are weighed at least once each: far fewer evaluations are refused.
        var e = Assert.Throws<AccessWorkLimitException>(() =>
            DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: long.MaxValue, maxEvaluations: 40 * 40 / 2));
        Assert.Equal(800, e.Limit);
        Assert.Equal("the access table would take more than 800 statement evaluations (a statement weighed against a " +
            "data-bearing resource; set ENCLAVE_MAX_ACCESS_WORK to raise it)", e.Problem);
        Assert.IsType<EvaluationBudgetExceededException>(e.InnerException);
    }

    [Fact]
    public void A_table_within_its_work_budget_is_the_unlimited_table()
    {
        var graph = Hostile(40);
        var unlimited = DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: long.MaxValue, maxEvaluations: long.MaxValue);
        var within = DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: long.MaxValue, maxEvaluations: 1_000_000);
        Assert.True(unlimited.Rows.SequenceEqual(within.Rows), "the table within its work budget is the whole table");
        Assert.Equal(unlimited.Diagnostics, within.Diagnostics);
        // The compliant enclave itself is far inside the default.
        var compliant = DataAccessReport.Build(CompliantEnclave.Build().Build(), CompliantEnclave.Policy);
        Assert.NotEmpty(compliant.Rows);
    }

    [Fact]
    public void The_evaluator_charges_one_evaluation_per_statement_and_subject_weighed()
    {
        var graph = Hostile(10);
        var view = IamView.For(new Enclave.Policy.Rules.RuleContext(graph, CompliantEnclave.Policy));
        var budget = new EvaluationBudget(long.MaxValue);
        var bucket = AccessContext.With(("target.bucket.name", "filler-0"));
        var table = view.Evaluator.WhoMay(Verb.Read, "objects", null, bucket, budget);
        Assert.DoesNotContain(table.Grants, g => g.Subject.Name?.StartsWith("outsiders-", StringComparison.Ordinal) == true);
        Assert.True(budget.Spent >= 10, $"{budget.Spent} evaluations: each of the 10 conditional statements is weighed");
        var tight = new EvaluationBudget(budget.Spent);
        view.Evaluator.WhoMay(Verb.Read, "objects", null, bucket, tight);  // exactly the budget: allowed
        Assert.Throws<EvaluationBudgetExceededException>(() => view.Evaluator.WhoMay(Verb.Read, "objects", null, bucket, tight));
    }

    [Fact]
    public void The_default_work_budget_is_twenty_million_evaluations()
    {
        Assert.Null(Environment.GetEnvironmentVariable(AccessWorkBudget.Variable));
        Assert.Equal(20_000_000, AccessWorkBudget.MaxEvaluations);
        Assert.Equal("20,000,000", AccessWorkBudget.MaxEvaluations.ToString("N0", CultureInfo.InvariantCulture));
    }
}
