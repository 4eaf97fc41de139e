using Enclave.Tests.Rules;
using Enclave.Tests.Support;
using Pulumi;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

public sealed class StackTests
{
    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task DataBearingResources_AreProtected(string stack) =>
        Holds(StackRules.DataBearingResourcesAreProtected((await EnclaveRun.Of(stack)).Observations));

    [Fact]
    public async Task DataBearingResources_AreProtected_ReportsUnprotectedLogGroup()
    {
        var observed = (await EnclaveRun.Of("dev")).Observations
            .Select(o => o.Type == Oci.LogGroup ? o with { Options = new CustomResourceOptions { Parent = o.Options.Parent } } : o);
        Broken(StackRules.DataBearingResourcesAreProtected(observed), "is not protected");
    }

    // Logs are audit evidence: an unprotected flow log would be deleted by a destroy or a rename.
    [Fact]
    public async Task DataBearingResources_AreProtected_ReportsUnprotectedLog()
    {
        var observed = (await EnclaveRun.Of("prod")).Observations
            .Select(o => o.Type == Oci.Log && o.Name.Contains("flow-log", StringComparison.Ordinal)
                ? o with { Options = new CustomResourceOptions { Parent = o.Options.Parent } } : o);
        Broken(StackRules.DataBearingResourcesAreProtected(observed), "network-standby-data-flow-log is not protected");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task EveryResource_HasComponentParent(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        Holds(StackRules.EveryResourceHasComponentParent(d, d.Observations));
    }

    [Fact]
    public async Task EveryResource_HasComponentParent_ReportsOrphan()
    {
        var d = await EnclaveRun.Of("dev");
        var observed = d.Observations.Select(o => o.Type == Oci.Vcn ? o with { Options = new CustomResourceOptions() } : o);
        Broken(StackRules.EveryResourceHasComponentParent(d, observed), "not parented to a component");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task StackOutputs_ExposeReviewerIdsWithoutSecrets(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        Holds(StackRules.StackOutputsExposeReviewerIdsWithoutSecrets(d, await StackRules.OutputsOf(d.StackResource)));
    }

    [Fact]
    public async Task StackOutputs_ExposeReviewerIdsWithoutSecrets_ReportsPasswordOutput()
    {
        var d = await EnclaveRun.Of("dev");
        var outputs = await StackRules.OutputsOf(d.StackResource);
        outputs["adminPassword"] = (d.GeneratedSecrets.Single(), true);
        Broken(StackRules.StackOutputsExposeReviewerIdsWithoutSecrets(d, outputs), "adminPassword");
    }

    [Fact]
    public async Task StackOutputs_ExposeReviewerIdsWithoutSecrets_ReportsHomeRegionArchiveMissing()
    {
        var d = await EnclaveRun.Of("staging");
        var outputs = await StackRules.OutputsOf(d.StackResource);
        var names = (System.Collections.Immutable.ImmutableDictionary<string, string>)outputs["archiveBucketNames"].Value!;
        outputs["archiveBucketNames"] = (names.Remove(d.Settings.HomeRegion), false);
        Broken(StackRules.StackOutputsExposeReviewerIdsWithoutSecrets(d, outputs), "output archiveBucketNames is");
    }
}
