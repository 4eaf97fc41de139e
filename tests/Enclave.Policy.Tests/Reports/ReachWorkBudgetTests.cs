using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Reports;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Reports;

/// <summary>
/// `enclave access` applies the verdicts of ENC-IAM-080/090 to its rows, and those weigh every statement and follow each
/// compartment path into every compartment below it before the first row is made: N statements into a compartment with
/// M compartments below cost N×M and hold no data, so the evaluator's own charge never sees them. The same work budget
/// (<c>ENCLAVE_MAX_ACCESS_WORK</c>) bounds them.
/// </summary>
public class ReachWorkBudgetTests
{
    private const int Statements = 200;
    private const int Below = 2_000;

    /// <summary>
    /// The enclave with <see cref="Statements"/> distinct gatekeeper grants into <c>usde-dev:filler</c> (each must be
    /// placed), and, when <paramref name="deep"/>, <see cref="Below"/> empty compartments under filler.
    /// </summary>
    private static ResourceGraph Hostile(bool deep)
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.Compartment, "filler", new { compartmentId = Ref("enclave"), name = "filler", description = "filler" });
        if (deep)
            for (var i = 0; i < Below; i++)
                g.Add(OciTypes.Compartment, $"filler-{i}", new { compartmentId = Ref("filler"), name = $"filler-{i}", description = "filler" });
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Concat(Enumerable.Range(0, Statements)
            .Select(i => $"allow group enclave-gatekeepers to read objects in compartment usde-dev:filler where request.user.name = 'u-{i}'"))
            .ToArray());
        return g.Build();
    }

    /// <summary>Half of what placing the grants alone costs in the deep tree: far more than the table's own queries.</summary>
    private const long Budget = Statements * Below / 2;

    [Fact]
    public void Placing_a_hostile_policy_set_is_refused_by_the_access_work_budget()
    {
        // Without the compartments below, the same statements, queries and rows fit the budget with room to spare.
        var shallow = DataAccessReport.Build(Hostile(deep: false), CompliantEnclave.Policy, maxRows: long.MaxValue, maxEvaluations: Budget);
        Assert.NotEmpty(shallow.Rows);

        var graph = Hostile(deep: true);
        // Unbounded, the deep tree adds no row (no compartment below holds data): only the reach work grows.
        var unlimited = DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: long.MaxValue, maxEvaluations: long.MaxValue);
        Assert.Equal(shallow.Rows.Length, unlimited.Rows.Length);

        var e = Assert.Throws<AccessWorkLimitException>(() =>
            DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: long.MaxValue, maxEvaluations: Budget));
        Assert.Equal(Budget, e.Limit);
        Assert.Equal("the access table would take more than 200,000 statement evaluations (a statement weighed against a " +
            "data-bearing resource; set ENCLAVE_MAX_ACCESS_WORK to raise it)", e.Problem);
        Assert.IsType<EvaluationBudgetExceededException>(e.InnerException);
    }
}
