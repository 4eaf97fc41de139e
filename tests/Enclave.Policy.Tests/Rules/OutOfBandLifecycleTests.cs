using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-STO-006 on a lifecycle policy the stack does not declare: put on the archive in the console or by another stack,
/// it shows in a deployed state only as the bucket's <c>objectLifecyclePolicyEtag</c> output, and its rules (which may
/// delete the audit trail) are never judged. The archive must then fail; an archive whose live policy is the stack's own
/// (judged for deletes), one reporting no policy, and a non-archive bucket's policy are not this rule's concern.
/// </summary>
public class OutOfBandLifecycleTests
{
    private const string Rule = "ENC-STO-006";

    private static FindingStatus? Status(GraphBuilder g, string resource, GraphPath path) => RuleRunner.Status(g, Rule, resource, path: path);

    [Theory]
    [InlineData(GraphPath.StackExportJson)]
    [InlineData(GraphPath.HandKnownIds)]
    public void A_deployed_archive_with_a_lifecycle_policy_outside_the_stack_fails(GraphPath path)
    {
        var g = CompliantEnclave.Build();
        g["archive"].Outputs["objectLifecyclePolicyEtag"] = "etag-consolemade";
        Assert.Equal(FindingStatus.Fail, Status(g, "archive", path));
    }

    [Fact]
    public void A_deployed_archive_whose_lifecycle_policy_is_the_stacks_own_and_deletes_nothing_passes()
    {
        var g = CompliantEnclave.Build();
        g["archive"].Outputs["objectLifecyclePolicyEtag"] = "etag-ours";
        g.Add(OciTypes.ObjectLifecyclePolicy, "tiering", new
        {
            bucket = NameOf("archive"), @namespace = "enclavens",
            rules = new[] { new { name = "to-archive", action = "ARCHIVE", isEnabled = true, target = "objects", timeAmount = "30", timeUnit = "DAYS" } },
        });
        Assert.Equal(FindingStatus.Pass, Status(g, "archive", GraphPath.StackExportJson));
        Assert.Equal(FindingStatus.Pass, Status(g, "archive", GraphPath.HandKnownIds));
    }

    [Fact]
    public void An_archive_reporting_no_lifecycle_policy_passes_and_another_buckets_policy_is_not_judged_here()
    {
        var g = CompliantEnclave.Build();
        g["archive"].Outputs["objectLifecyclePolicyEtag"] = "";
        g["data-bucket"].Outputs["objectLifecyclePolicyEtag"] = "etag-consolemade";
        Assert.Equal(FindingStatus.Pass, Status(g, "archive", GraphPath.StackExportJson));
        Assert.Null(Status(g, "data-bucket", GraphPath.StackExportJson));
    }
}
