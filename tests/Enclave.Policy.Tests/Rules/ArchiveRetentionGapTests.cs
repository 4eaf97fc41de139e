using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-STO-006 (the archive stays retention-locked, with no lifecycle deletes), as issue 16's mutation run of
/// Rules/Storage found it untested: how the rule finds the archive (a connector of unknown kind, a literal bucket name,
/// a name computed at deploy), the edges of "long enough" and "locked soon enough", and lifecycle rules that are on by
/// default. The compliant archive keeps 365 days locked on 2026-05-01; the rules run on 2026-06-01.
/// </summary>
public class ArchiveRetentionGapTests
{
    private const string Rule = "ENC-STO-006";

    private static FindingStatus? Status(GraphBuilder g, string resource, GraphPath path = GraphPath.HandKnownIds) =>
        RuleRunner.Status(g, Rule, resource, path: path);

    private static object Retention(object amount, string unit, object? locked) =>
        new[] { new { displayName = "lock", duration = new { timeAmount = amount, timeUnit = unit }, timeRuleLocked = locked } };

    private static GraphBuilder Unretained() => CompliantEnclave.Build().With("archive", "retentionRules", Array.Empty<object>());

    private static GraphBuilder WithLifecycle(GraphBuilder g, object bucket, object rule)
    {
        g.Add(OciTypes.ObjectLifecyclePolicy, "expire", new { bucket, @namespace = "enclavens", rules = new[] { rule } });
        return g;
    }

    [Fact]
    public void Only_the_buckets_a_connector_delivers_to_are_judged_as_archives()
    {
        var g = CompliantEnclave.Build();
        Assert.Equal(FindingStatus.Pass, Status(g, "archive"));
        Assert.Null(Status(g, "data-bucket"));  // user data is no archive: ENC-STO-003 judges its versioning
    }

    [Fact]
    public void A_connector_whose_target_kind_is_missing_may_deliver_to_the_archive()
    {
        var g = Unretained().With("archive-connector", "target", new { kind = (string?)null, bucket = NameOf("archive"), @namespace = "enclavens" });
        Assert.Equal(FindingStatus.Undetermined, Status(g, "archive"));
    }

    [Fact]
    public void A_connector_and_a_lifecycle_policy_that_name_the_archive_literally_still_find_it()
    {
        // No dependency on the bucket: the name alone says which bucket it is.
        var literal = Unretained().With("archive-connector", "target", new { kind = "objectStorage", bucket = "usde-dev-archive", @namespace = "enclavens" });
        Assert.Equal(FindingStatus.Fail, Status(literal, "archive"));

        var deleting = WithLifecycle(CompliantEnclave.Build(), "usde-dev-archive", new { name = "expire", action = "DELETE", isEnabled = true, timeAmount = "30", timeUnit = "DAYS" });
        Assert.Equal(FindingStatus.Fail, Status(deleting, "archive"));
    }

    [Fact]
    public void Names_computed_at_deploy_find_the_archive_through_their_dependencies()
    {
        // A preview: the connector's and the lifecycle policy's bucket are the archive's name output, not known yet.
        static GraphBuilder Computed(GraphBuilder g)
        {
            g["archive"].Outputs["name"] = "usde-dev-archive";
            return g.With("archive-connector", "target", new { kind = "objectStorage", bucket = OutputOf("archive", "name"), @namespace = "enclavens" });
        }
        Assert.Equal(FindingStatus.Fail, Status(Computed(Unretained()), "archive", GraphPath.HandUnknownIds));
        var deleting = WithLifecycle(Computed(CompliantEnclave.Build()), OutputOf("archive", "name"),
            new { name = "expire", action = "DELETE", isEnabled = true, timeAmount = "30", timeUnit = "DAYS" });
        Assert.Equal(FindingStatus.Fail, Status(deleting, "archive", GraphPath.HandUnknownIds));
    }

    [Theory]
    [InlineData("365", "DAYS", "2026-07-01T00:00:00Z", FindingStatus.Pass)]   // locks exactly 30 days out: the latest allowed
    [InlineData("365", "DAYS", "2026-07-01T00:00:01Z", FindingStatus.Fail)]   // a second later
    [InlineData("364", "DAYS", "2026-05-01T00:00:00Z", FindingStatus.Fail)]
    [InlineData("1", "YEARS", "2026-05-01T00:00:00Z", FindingStatus.Pass)]    // a year counts 365 days
    [InlineData("1", "years", "2026-05-01T00:00:00Z", FindingStatus.Pass)]
    [InlineData("2", "MONTHS", "2026-05-01T00:00:00Z", FindingStatus.Fail)]   // no unit the rule can read as days
    public void The_archive_keeps_a_locked_rule_of_at_least_the_configured_days(string amount, string unit, string locked, FindingStatus expected) =>
        Assert.Equal(expected, Status(CompliantEnclave.Build().With("archive", "retentionRules", Retention(amount, unit, locked)), "archive"));

    [Fact]
    public void A_duration_or_lock_time_unknown_until_deploy_is_undetermined()
    {
        var amount = CompliantEnclave.Build().With("archive", "retentionRules", Retention(Unknown, "DAYS", "2026-05-01T00:00:00Z"));
        Assert.Equal(FindingStatus.Undetermined, Status(amount, "archive"));
        var lockTime = CompliantEnclave.Build().With("archive", "retentionRules", Retention("365", "DAYS", Unknown));
        Assert.Equal(FindingStatus.Undetermined, Status(lockTime, "archive"));
    }

    [Fact]
    public void A_lifecycle_delete_rule_counts_unless_it_is_switched_off()
    {
        var byDefault = WithLifecycle(CompliantEnclave.Build(), NameOf("archive"), new { name = "expire", action = "DELETE", timeAmount = "30", timeUnit = "DAYS" });
        Assert.Equal(FindingStatus.Fail, Status(byDefault, "archive"));  // isEnabled unset is read as on: what the gate cannot see switched off counts
        var off = WithLifecycle(CompliantEnclave.Build(), NameOf("archive"), new { name = "expire", action = "DELETE", isEnabled = false, timeAmount = "30", timeUnit = "DAYS" });
        Assert.Equal(FindingStatus.Pass, Status(off, "archive"));
    }
}
