using Enclave.Policy.Engine;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-LOG-002 per region: a Service Connector reads only its own region's logs and writes only to a bucket of its
/// region, so every region the stack uses (the home region for IAM) needs its own connector archiving its audit log,
/// and a connector listing a log, or targeting a bucket, of another region archives nothing of it.
/// </summary>
public class RegionalArchiveTests
{
    private const string Rule = "ENC-LOG-002";

    public static TheoryData<GraphPath> Paths() => new(RuleRunner.AllPaths);

    private static ReportedFinding Stack(PolicyReport report) => report.Findings.Single(f => f.Urn.Contains("pulumi:pulumi:Stack::"));

    private static ReportedFinding On(PolicyReport report, GraphBuilder g, string resource) => report.Findings.Single(f => f.Urn == g.Urn(resource));

    /// <summary>The part of a failure message naming what is not met.</summary>
    private static string Unmet(ReportedFinding f)
    {
        const string marker = "required but not met:";
        var at = f.Finding.Message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? "" : f.Finding.Message[(at + marker.Length)..];
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Two_regions_each_archiving_their_own_logs_pass(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive();
        var report = RuleRunner.Run(g, path, Rule);
        Assert.All(report.Findings, f => Assert.True(f.Status == FindingStatus.Pass, $"{f.Status} {f.Urn}: {f.Finding.Message}"));
        Assert.Contains("us-phoenix-1", Stack(report).Finding.Message);
        Assert.Contains("us-ashburn-1", Stack(report).Finding.Message);
        Assert.Equal(FindingStatus.Pass, On(report, g, "archive-connector-phx").Status);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_region_without_its_own_audit_connector_fails_even_though_another_region_ships_its_audit(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive();
        g.Remove("archive-connector-phx");
        var report = RuleRunner.Run(g, path, Rule);
        var stack = Stack(report);
        Assert.Equal(FindingStatus.Fail, stack.Status);
        Assert.Contains("us-phoenix-1", Unmet(stack));
        Assert.DoesNotContain("us-ashburn-1", Unmet(stack));
        Assert.Equal(FindingStatus.Fail, On(report, g, "write-archive-phx").Status);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_connector_listing_a_log_group_of_another_region_fails_and_does_not_ship_it(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive();
        g.Remove("archive-connector-phx");
        g["archive-connector"].Inputs["source"] = new
        {
            kind = "logging",
            logSources = new object[]
            {
                new { compartmentId = CompliantEnclave.Tenancy, logGroupId = "_Audit_Include_Subcompartment" },
                new { compartmentId = Ref("security"), logGroupId = Ref("logs") },
                new { compartmentId = Ref("security"), logGroupId = Ref("logs-phx") },
            },
        };
        var report = RuleRunner.Run(g, path, Rule);
        var connector = On(report, g, "archive-connector");
        Assert.Equal(FindingStatus.Fail, connector.Status);
        Assert.Contains("logs-phx", Unmet(connector));
        Assert.DoesNotContain("LogGroup::logs (", Unmet(connector));
        Assert.Equal(FindingStatus.Fail, On(report, g, "write-archive-phx").Status);
        // Its own region's log is still shipped (undetermined in a preview: two groups feed the sources).
        Assert.NotEqual(FindingStatus.Fail, On(report, g, "write-archive").Status);
        Assert.Equal(FindingStatus.Fail, Stack(report).Status);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_connector_writing_to_a_bucket_of_another_region_is_not_that_regions_archive(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive();
        g.With("archive-connector-phx", "target", new { kind = "objectStorage", bucket = NameOf("archive"), @namespace = "enclavens" });
        var report = RuleRunner.Run(g, path, Rule);
        var connector = On(report, g, "archive-connector-phx");
        Assert.Equal(FindingStatus.Fail, connector.Status);
        Assert.Contains("target bucket", Unmet(connector));
        Assert.Equal(FindingStatus.Fail, Stack(report).Status);
        Assert.Contains("us-phoenix-1", Unmet(Stack(report)));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_home_region_needs_an_archive_for_iam_events_even_when_nothing_else_runs_there(GraphPath path)
    {
        var homeElsewhere = CompliantEnclave.Policy with { HomeRegion = "us-phoenix-1" };
        var stack = Stack(RuleRunner.Run(CompliantEnclave.Build(), path, Rule, homeElsewhere));
        Assert.Equal(FindingStatus.Fail, stack.Status);
        Assert.Contains("us-phoenix-1", Unmet(stack));
        Assert.Equal(FindingStatus.Pass, Stack(RuleRunner.Run(CompliantEnclave.Build().WithPhoenixArchive(), path, Rule, homeElsewhere)).Status);
    }

    public static TheoryData<string, string, GraphPath> NotTheTenancyAudit()
    {
        var data = new TheoryData<string, string, GraphPath>();
        foreach (var path in RuleRunner.AllPaths)
        {
            // _Audit read on the tenancy holds the root compartment's events only, not the enclave's compartments.
            data.Add("_Audit", CompliantEnclave.Tenancy, path);
            data.Add("_Audit_Include_Subcompartment", "ocid1.compartment.oc1..somewhereelse", path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NotTheTenancyAudit))]
    public void Only_the_audit_group_including_subcompartments_on_the_tenancy_counts(string group, string compartment, GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive();
        g.With("archive-connector-phx", "source", SecondRegion.Source(Ref("logs-phx"), group, compartment));
        var stack = Stack(RuleRunner.Run(g, path, Rule));
        Assert.Equal(FindingStatus.Fail, stack.Status);
        Assert.Contains("us-phoenix-1", Unmet(stack));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_connector_whose_region_is_not_known_leaves_its_region_undetermined(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive().WithUnknownRegionProvider();
        SecondRegion.In(g["archive-connector-phx"], "elsewhere");
        var report = RuleRunner.Run(g, path, Rule);
        Assert.Equal(FindingStatus.Undetermined, Stack(report).Status);
        Assert.Equal(FindingStatus.Undetermined, On(report, g, "archive-connector-phx").Status);
        Assert.DoesNotContain(report.Findings, f => f.Status == FindingStatus.Fail);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_log_source_named_by_an_ocid_of_another_region_fails(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive();
        g.With("archive-connector-phx", "source", SecondRegion.Source("ocid1.loggroup.oc1.iad.foreigngroup"));
        var connector = On(RuleRunner.Run(g, path, Rule), g, "archive-connector-phx");
        Assert.Equal(FindingStatus.Fail, connector.Status);
        Assert.Contains("foreigngroup (us-ashburn-1)", Unmet(connector));
    }
}
