using Enclave.Policy.Reports;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Reports;

public class DataAccessReportTests
{
    [Fact]
    public void Lists_who_may_read_or_manage_each_data_bearing_resource_and_through_which_statement()
    {
        var report = DataAccessReport.Build(WithoutOversight().Build(), CompliantEnclave.Policy);
        var adbRead = report.Rows.Where(r => r.ResourceLabel.EndsWith("::adb") && r.IamType == "autonomous-databases" && r.Access == "read" && r.Effect == "allow").ToList();
        var operators = Assert.Single(adbRead, r => r.Principal == "group enclave-operators");
        Assert.Equal("conditional", operators.Certainty);  // only from the gatekeeper networks
        Assert.Contains("use autonomous-databases", operators.StatementText);  // pinned to start/stop: no contents
        Assert.EndsWith("[2]", operators.Statement);
        Assert.Equal("allowed", operators.Verdict);
        // The storage admins manage buckets only where the condition allows it: only delete.
        var bucket = report.Rows.Single(r => r.ResourceLabel.EndsWith("::data-bucket") && r.IamType == "buckets" && r.Access == "manage" && r.Principal == "group enclave-storage-admins");
        Assert.Equal("conditional", bucket.Certainty);
        Assert.Equal("allowed", bucket.Verdict);
        // Only the database's own dynamic group uses the vault (its key grants are pinned to its key: ENC-IAM-080).
        var keys = Assert.Single(report.Rows, r => r.ResourceLabel.EndsWith("::vault") && r.Effect == "allow" && r.Access == "read");
        Assert.Equal("dynamic-group usde-dev-adb", keys.Principal);
        Assert.Equal("allowed", keys.Verdict);
        Assert.Empty(report.Violations);
    }

    [Fact]
    public void Lists_object_level_readers_of_each_bucket_not_only_bucket_readers()
    {
        var g = WithoutOversight();
        g.With("root-policy", "statements", new[]
        {
            "allow group analysts to read objects in compartment usde-dev where target.bucket.name = 'usde-dev-data'",
            "allow group enclave-auditors to read buckets in compartment usde-dev",
        });
        var report = DataAccessReport.Build(g.Build(), CompliantEnclave.Policy with { AuditorGroup = "enclave-auditors" });
        var reader = Assert.Single(report.Rows, r => r.ResourceLabel.EndsWith("::data-bucket") && r.IamType == "objects" && r.Access == "read");
        Assert.Equal("group analysts", reader.Principal);
        Assert.Equal("yes", reader.Certainty);  // the bucket name decides: it is this bucket
        Assert.Equal("violation", reader.Verdict);
        Assert.Contains("not one of the stack's personas", reader.Why);
        // The condition names another bucket: the archive's objects are not theirs.
        Assert.DoesNotContain(report.Rows, r => r.ResourceLabel.EndsWith("::archive") && r.IamType == "objects" && r.Principal == "group analysts");
        // Bucket metadata for the auditors is within their ceiling; they are not object readers.
        Assert.Contains(report.Rows, r => r.ResourceLabel.EndsWith("::data-bucket") && r.IamType == "buckets" && r.Principal == "group enclave-auditors" && r.Verdict == "allowed");
        Assert.DoesNotContain(report.Rows, r => r.IamType == "objects" && r.Principal == "group enclave-auditors");
    }

    [Fact]
    public void The_table_and_the_gate_agree_on_a_persona_above_its_ceiling()
    {
        var g = WithoutOversight();
        g.With("root-policy", "statements", new[] { $"allow group enclave-operators to manage keys in compartment usde-dev where {CompliantEnclave.FromGatekeeperNetworks}" });
        var graph = g.Build();
        var report = DataAccessReport.Build(graph, CompliantEnclave.Policy);
        var row = Assert.Single(report.Violations, r => r.ResourceLabel.EndsWith("::key") && r.IamType == "keys" && r.Access == "manage");
        Assert.Contains("above the Operator ceiling", row.Why);
        var gate = Enclave.Policy.Engine.PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, rules: [Enclave.Policy.Rules.RuleCatalogue.Find("ENC-IAM-009")!]);
        Assert.Contains(gate.Findings, f => f.Status == Enclave.Policy.Engine.FindingStatus.Fail && f.Urn == g.Urn("root-policy"));
    }

    [Fact]
    public void An_outsider_who_may_only_list_the_data_shows_as_an_inspect_violation()
    {
        var g = WithoutOversight().With("root-policy", "statements", new[] { "allow group data-team to inspect objects in compartment usde-dev" });
        var report = DataAccessReport.Build(g.Build(), CompliantEnclave.Policy);
        var row = Assert.Single(report.Violations, r => r.ResourceLabel.EndsWith("::data-bucket") && r.IamType == "objects");
        Assert.Equal("inspect", row.Access);
        // A read grant is a read row, not also an inspect row.
        var read = DataAccessReport.Build(WithoutOversight().With("root-policy", "statements",
            new[] { "allow group data-team to read objects in compartment usde-dev" }).Build(), CompliantEnclave.Policy);
        Assert.DoesNotContain(read.Rows, r => r.Access == "inspect");
    }

    [Fact]
    public void A_statement_unknown_until_deploy_shows_as_anyone_unknown()
    {
        var g = WithoutOversight().With("root-policy", "statements", new object[] { Unknown });
        var report = DataAccessReport.Build(g.Build(), CompliantEnclave.Policy);
        Assert.Contains(report.Rows, r => r.ResourceLabel.EndsWith("::adb") && r.Certainty == "unknown" && r.Verdict == "undetermined");
    }

    [Fact]
    public void A_statement_that_does_not_parse_is_a_violation_row()
    {
        var g = WithoutOversight().With("root-policy", "statements", new object[] { "allow group x to read objects in" });
        var report = DataAccessReport.Build(g.Build(), CompliantEnclave.Policy);
        Assert.Contains(report.Violations, r => r.ResourceLabel.EndsWith("::data-bucket") && r.IamType == "objects" && r.Why.Contains("does not parse"));
    }

    /// <summary>The enclave compartment detached from the tree (its parent is nowhere in the graph), with statements about other compartments.</summary>
    private static Enclave.Policy.Graph.ResourceGraph Detached(int statements) => WithoutOversight()
        .With("enclave", "compartmentId", "ocid1.compartment.oc1..nowhere")
        .With("root-policy", "statements", Enumerable.Range(0, statements)
            .Select(i => $"allow group outsiders-{i} to manage all-resources in compartment elsewhere-{i}").ToArray())
        .Build();

    [Fact]
    public void A_detached_tree_makes_every_statement_a_row_on_every_resource_under_it()
    {
        var few = DataAccessReport.Build(Detached(2), CompliantEnclave.Policy).Rows.Length;
        var many = DataAccessReport.Build(Detached(12), CompliantEnclave.Policy).Rows.Length;
        // Rows grow by resources x statements: the shape a hostile state uses to balloon the table.
        Assert.True(many - few >= 10 * 5, $"{few} rows with 2 statements, {many} with 12");
    }

    [Fact]
    public void A_table_over_its_row_budget_is_refused_and_one_within_it_is_complete()
    {
        var graph = Detached(12);
        var rows = DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: long.MaxValue).Rows;
        var again = DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: rows.Length).Rows;
        Assert.Equal(rows.Length, again.Length);
        Assert.True(rows.SequenceEqual(again), "the table within its budget is the whole table");
        var e = Assert.Throws<AccessRowLimitException>(() => DataAccessReport.Build(graph, CompliantEnclave.Policy, maxRows: rows.Length - 1));
        Assert.Equal(rows.Length - 1, e.Limit);
        Assert.Contains($"the access table would exceed the {(rows.Length - 1).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}-row limit", e.Message);
        Assert.Contains("set ENCLAVE_MAX_ACCESS_ROWS to raise it", e.Message);
    }

    [Fact]
    public void The_default_row_budget_is_a_million()
    {
        Assert.Null(Environment.GetEnvironmentVariable(AccessRowBudget.Variable));
        Assert.Equal(1_000_000, AccessRowBudget.MaxRows);
    }

    /// <summary>The compliant enclave without its oversight policy (ENC-IAM-116's floor): these tests read the rows of
    /// the statements they write, and the auditors' and Cloud Guard's tenancy-wide reads would add a row to every resource.</summary>
    private static GraphBuilder WithoutOversight()
    {
        var g = CompliantEnclave.Build();
        g.Remove("oversight-policy");
        return g;
    }
}
