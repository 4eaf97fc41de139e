using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The storage classes issue 16's mutation run of Rules/Storage found untested (ENC-STO-006 has its own file,
/// <see cref="ArchiveRetentionGapTests"/>): the lifecycle actions that keep objects next to the ones that delete them,
/// auto-tiering, a key of someone else, retention rules unknown until deploy, write logs found by the bucket's name,
/// and namespaces wherever a resource holds them.
/// </summary>
public class StorageMutationGapTests
{
    private static FindingStatus? Status(GraphBuilder g, string rule, string resource, GraphPath path = GraphPath.HandKnownIds) =>
        RuleRunner.Run(g, path, rule).Findings.Where(f => f.Urn == g.Urn(resource)).Select(f => (FindingStatus?)f.Status).SingleOrDefault();

    // ENC-STO-070: lifecycle rules may move objects to a cheaper tier or abort unfinished uploads, never delete them.

    private static GraphBuilder WithDataLifecycle(string action, bool? enabled)
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.ObjectLifecyclePolicy, "data-lifecycle", new
        {
            bucket = "usde-dev-data", @namespace = "enclavens",
            rules = new[] { new { name = "tier", action, isEnabled = enabled, timeAmount = "30", timeUnit = "DAYS" } },
        });
        return g;
    }

    [Theory]
    [InlineData("INFREQUENT_ACCESS", true, FindingStatus.Pass)]
    [InlineData("ARCHIVE", true, FindingStatus.Pass)]
    [InlineData("ABORT", true, FindingStatus.Pass)]
    [InlineData("archive", true, FindingStatus.Pass)]        // actions are read whatever their case
    [InlineData("DELETE", false, FindingStatus.Pass)]        // a delete rule switched off deletes nothing
    [InlineData("DELETE", true, FindingStatus.Fail)]
    [InlineData("DELETE", null, FindingStatus.Fail)]         // not said to be off: it counts
    [InlineData("PURGE", true, FindingStatus.Fail)]          // an action not on the allow-list
    public void Lifecycle_rules_may_only_keep_objects(string action, bool? enabled, FindingStatus expected) =>
        Assert.Equal(expected, Status(WithDataLifecycle(action, enabled), "ENC-STO-070", "data-lifecycle"));

    [Theory]
    [InlineData(null, FindingStatus.Pass)]
    [InlineData("Disabled", FindingStatus.Pass)]
    [InlineData("InfrequentAccess", FindingStatus.Fail)]     // objects moved where the program never put them
    public void Buckets_leave_auto_tiering_off(string? tiering, FindingStatus expected) =>
        Assert.Equal(expected, Status(CompliantEnclave.Build().With("data-bucket", "autoTiering", tiering), "ENC-STO-070", "data-bucket"));

    // ENC-STO-002: the bucket's key is one of the stack's own vault keys.

    [Fact]
    public void A_bucket_key_that_is_no_key_of_the_stack_fails()
    {
        var g = CompliantEnclave.Build().With("data-bucket", "kmsKeyId", "ocid1.key.oc1.iad.parentcompanykey");
        Assert.Equal(FindingStatus.Fail, Status(g, "ENC-STO-002", "data-bucket"));
    }

    // ENC-STO-003: retention rules not known until deploy may or may not be there.

    [Fact]
    public void An_unversioned_bucket_whose_retention_rules_are_unknown_is_undetermined()
    {
        var g = CompliantEnclave.Build().With("data-bucket", "versioning", "Disabled").With("data-bucket", "retentionRules", Unknown);
        Assert.Equal(FindingStatus.Undetermined, Status(g, "ENC-STO-003", "data-bucket"));
    }

    // ENC-STO-004: a write log names its bucket by name.

    private static object Configuration(object resource, object category) =>
        new { source = new { service = "objectstorage", category, resource, sourceType = "OCISERVICE" } };

    private static object WriteLog(object resource, object category) => new
    {
        logGroupId = Ref("logs"), displayName = "write", logType = "SERVICE", isEnabled = true, retentionDuration = 90,
        configuration = Configuration(resource, category),
    };

    [Fact]
    public void A_write_log_that_names_the_bucket_literally_covers_it()
    {
        var g = CompliantEnclave.Build().With("write-data-bucket", "configuration", Configuration("usde-dev-data", "write"));
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-STO-004", "data-bucket"));
    }

    [Fact]
    public void A_log_of_unknown_category_does_not_hide_the_buckets_real_write_log()
    {
        var g = CompliantEnclave.Build();
        g.Remove("write-data-bucket");
        g.Add(OciTypes.Log, "maybe-write", WriteLog("usde-dev-data", Unknown));   // looked at first: it comes first
        g.Add(OciTypes.Log, "write-data-bucket", CompliantEnclave.BucketLog("data-bucket"));
        Assert.Equal(FindingStatus.Pass, Status(g, "ENC-STO-004", "data-bucket"));
    }

    // ENC-STO-030: a namespace is judged wherever a resource holds it, alone in an object or inside a list item.

    [Theory]
    [InlineData("parentcons", FindingStatus.Fail)]
    [InlineData("enclavens", FindingStatus.Pass)]
    public void A_namespace_alone_in_an_object_is_judged(string ns, FindingStatus expected) =>
        Assert.Equal(expected, Status(CompliantEnclave.Build().With("archive-connector", "target", new Dictionary<string, object?> { ["namespace"] = ns }),
            "ENC-STO-030", "archive-connector"));

    [Theory]
    [InlineData("parentcons", FindingStatus.Fail)]
    [InlineData("enclavens", FindingStatus.Pass)]
    public void A_namespace_inside_a_list_item_is_judged(string ns, FindingStatus expected)
    {
        var g = CompliantEnclave.Build().With("archive-connector", "tasks", new[] { new Dictionary<string, object?> { ["namespace"] = ns } });
        Assert.Equal(expected, Status(g, "ENC-STO-030", "archive-connector"));
    }
}
