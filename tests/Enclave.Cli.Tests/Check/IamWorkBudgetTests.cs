using Enclave.Cli.Common;
using Enclave.Cli.Tests.Plan;
using Enclave.Policy.Reports;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// `enclave check` asks of every parent-company principal whether any statement may allow it anything (ENC-IAM-003),
/// and a parent identity domain is probed once per group the statements name. A hostile policy set of a few thousand
/// statements, each naming its own group of that domain, would make that principals × statements: the question runs
/// under the access table's work budget (<c>ENCLAVE_MAX_ACCESS_WORK</c>) and is refused in one line. The variable is
/// process-wide, so these run in the serial collection.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public sealed class IamWorkBudgetTests : IDisposable
{
    private readonly CheckHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_policy_set_that_would_outweigh_the_work_budget_is_refused_in_one_line_naming_it()
    {
        // 600 statements × 603 principals × 4 (a statement, its group, a clause and its value) ≈ 1.45 million > 1 million;
        // at the default 20 million, 2,500 such statements are refused in the same way (a few seconds of work).
        _h.Source.Offline = _ => CheckHarness.WithPolicy(Statements(600));
        var (code, stdout, stderr) = await _h.RunWith(AccessWorkBudget.Variable, "1000000", "check", "dev", "--format", "json");
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("enclave: error: rule ENC-IAM-003 would weigh more than 1,000,000 statement evaluations (a statement, " +
            $"counted by its groups and condition clauses, weighed for one principal; set {AccessWorkBudget.Variable} to raise it)", line);
    }

    [Fact]
    public async Task Within_the_budget_the_same_statements_are_judged_and_the_parent_grant_found()
    {
        _h.Source.Offline = _ => CheckHarness.WithPolicy(Statements(200));
        var (code, stdout, stderr) = await _h.Run("check", "dev", "--format", "text");
        Assert.True(code == ExitCodes.Violations, stderr);
        Assert.Contains("ENC-IAM-003", stdout);
        Assert.Contains("may grant members of parent domain ParentCorpDomain", stdout);
    }

    /// <summary>Statements each naming its own group of the parent's identity domain, under a one-clause condition.</summary>
    private static IEnumerable<string> Statements(int count) => Enumerable.Range(0, count).Select(i =>
        $"allow group ParentCorpDomain/g{i} to read buckets in tenancy where request.user.name = 'u{i}'");
}
