using System.Text;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Engine;

/// <summary>
/// Issue 12, hostile item 1: files just above the density floor ballooned. 20,000 policies of 360 bytes each granting
/// any-user everything (7 MB) made 440,000 findings: `check` reached 290–340 MB and `diff` 760 MB, as the findings
/// (and, in a diff, each failing finding's message joined into its own string) grew with the rules, not the file. The
/// findings are now charged as they are made against a budget by the file's size (FindingBudget), and a diff keeps
/// messages in the parts the rule made them of.
/// </summary>
public class FindingBudgetTests
{
    private const string Prefix = "urn:pulumi:dev::p::";

    /// <summary>A stack export of <paramref name="count"/> policies, each one statement (the file's only resources).</summary>
    internal static byte[] Policies(int count, Func<int, string> statement) => Encoding.UTF8.GetBytes(
        "{\"version\":3,\"deployment\":{\"manifest\":{\"time\":\"2026-01-01T00:00:00Z\",\"magic\":\"m\",\"version\":\"v3.200.0\"},\"resources\":[" +
        string.Join(",", Enumerable.Range(0, count).Select(i =>
            $"{{\"urn\":\"{Prefix}oci:Identity/policy:Policy::p{i}\",\"custom\":true,\"id\":\"ocid1.policy.oc1..p{i}\"," +
            $"\"type\":\"oci:Identity/policy:Policy\",\"inputs\":{{\"compartmentId\":\"{CompliantEnclave.Tenancy}\",\"name\":\"p{i}\"," +
            $"\"statements\":[\"{statement(i)}\"]}}}}")) + "]}}");

    internal static string AnyUser(int i) => "Allow any-user to manage all-resources in tenancy";

    internal static PolicyReport Judge(byte[] json, FindingBudget budget) =>
        PolicyEvaluator.Evaluate(ArtifactLoader.Parse(json, "export.json").Graph, CompliantEnclave.Policy,
            today: new DateOnly(2026, 6, 1), budget: budget);

    [Fact]
    public void Findings_that_outgrow_their_file_are_refused_in_one_line_naming_the_file_and_the_variable()
    {
        // 2,000 failing policies (230 KB) make ~40,000 findings, far past a 2 MiB budget: refused while they are made.
        var json = Policies(2_000, AnyUser);
        var e = Assert.Throws<FindingBudgetException>(() => Judge(json, new FindingBudget { FloorBytes = 2 << 20 }));
        Assert.StartsWith("export.json: the rules' findings would keep more than 2 MiB of memory (", e.Message);
        Assert.Matches(@"for a file of [0-9.]+ KiB; ", e.Message);
        Assert.Contains(FindingBudget.Variable, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.IsAssignableFrom<Enclave.Policy.Reports.AccessBudgetException>(e); // exit 3 in every command, like the other budgets
    }

    [Fact]
    public void The_default_budget_refuses_the_balloon_case_and_stops_at_the_budget()
    {
        // The case of the issue at a tenth of its size, against a floor a tenth of the default: 20,000 policies of
        // 360 bytes (7 MB) made 440,000 findings and 290 MB of memory; 2,000 policies keep the same proportions.
        var json = Policies(2_000, AnyUser);
        var budget = new FindingBudget { FloorBytes = FindingBudget.Default.FloorBytes / 10 };
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<FindingBudgetException>(() => Judge(json, budget));
        Assert.Equal(1.0, FindingBudget.Default.PerInputByte);
        // The run ends at the budget: what it allocated in all (graph, rules, findings) stays a small multiple of it.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20 * budget.FloorBytes);
    }

    [Fact]
    public void A_file_whose_findings_fit_is_judged_whole()
    {
        // The same number of policies, each granting only the gatekeepers what they hold: every rule passes them.
        var json = Policies(2_000, i => "Allow group enclave-gatekeepers to manage policies in tenancy");
        // Each rule that reads policies adds a pass per policy (23 findings each with 127 rules): the floor leaves
        // room for more rules, and is still 8 times the one that refuses the failing file above.
        var report = Judge(json, new FindingBudget { FloorBytes = 16 << 20 });
        Assert.True(report.Findings.Length > 20_000);
        Assert.Equal(2_000, report.ResourceCount);
    }

    [Fact]
    public void Graphs_not_read_from_a_file_have_no_budget()
    {
        var graph = CompliantEnclave.Build().Build();
        Assert.Null(graph.InputBytes);
        var report = PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, budget: new FindingBudget { FloorBytes = 1 });
        Assert.NotEmpty(report.Findings);
    }

    [Fact]
    public void A_diff_summary_keeps_failing_messages_in_parts_instead_of_a_string_each()
    {
        // 2,000 failing policies: ~16,000 violations whose messages quote the statement and name the principals
        // (up to 1.3 KB each). Joined, the summary a diff keeps for each side allocated ~40 MB; in parts, a few.
        var report = Judge(Policies(2_000, AnyUser), new FindingBudget { FloorBytes = 1L << 30 });
        // Once first, so one-time work (static tables, lazy initialisation on first use) is not counted: a full run once
        // measured more than the limit, depending on which test touched those first.
        _ = PolicyVerdicts.FromReport(report);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var summary = PolicyVerdicts.FromReport(report);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var violations = summary.Violations.Count();
        Assert.True(violations > 15_000);
        // Per violation, as each new rule that fails these policies adds violations: joined, a message is ~2.5 KB.
        Assert.True(allocated < 400L * violations, $"{allocated:N0} bytes for {violations:N0} violations");
        // What is read is the same text as the report's.
        var first = report.Findings.First(f => f.Status == FindingStatus.Fail);
        Assert.Equal(first.Finding.Message, summary.Findings.First(f => f.RuleId == first.RuleId && f.Urn == first.Urn).Message);
    }

    [Fact]
    public void Summaries_read_back_from_a_document_keep_long_messages_whole_and_compare_by_text()
    {
        var text = new string('x', 5_000);
        var a = new PolicyFinding("ENC-X-001", "t", Enclave.Policy.Rules.Severity.High, Enclave.Policy.Rules.Enforcement.Mandatory, "urn", Enclave.Policy.Rules.Verdict.Fail, text);
        Assert.Equal(text, a.Message);
        Assert.Equal(a, a with { Message = new string('x', 5_000) });
        Assert.NotEqual(a, a with { Message = "y" });
        Assert.True(PolicyFinding.Order.Compare(a with { Message = "a" }, a with { Message = "b" }) < 0);
    }
}

/// <summary>
/// The budget's variable, set on the process: in the serial collection, because every evaluation that runs meanwhile with
/// the default budget reads it (run beside them, "lots" made an unrelated rule case throw).
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class FindingBudgetVariableTests
{
    [Fact]
    public void The_variable_sets_the_budget_and_a_bad_value_is_a_usage_error()
    {
        var old = Environment.GetEnvironmentVariable(FindingBudget.Variable);
        try
        {
            Environment.SetEnvironmentVariable(FindingBudget.Variable, "3M");
            Assert.Equal(3L << 20, FindingBudget.Default.LimitFor(1));
            Environment.SetEnvironmentVariable(FindingBudget.Variable, "lots");
            Assert.Throws<Enclave.Policy.Inputs.InputLimitException>(Enclave.Policy.Inputs.InputLimits.Validate);
        }
        finally { Environment.SetEnvironmentVariable(FindingBudget.Variable, old); }
        Assert.Equal(FindingBudget.Default.FloorBytes, FindingBudget.Default.LimitFor(1));
        Assert.Equal(100L << 20, FindingBudget.Default.LimitFor(100L << 20));
    }
}
