using System.Collections.Immutable;
using Enclave.Tests.Support;
using Pulumi;
using Pulumi.Utilities;
using static Enclave.Tests.Support.Verdict;

namespace Enclave.Tests.Isolation;

/// <summary>
/// What OCI refuses to create before something else exists, the program waits for. A policy naming a group, dynamic
/// group or network source that does not exist yet is rejected (or, worse, created half-meaningful and left so), and
/// Cloud Guard recipes cannot be cloned before Cloud Guard is enabled: without these dependencies a first
/// `pulumi up` fails half-way, leaving an enclave with some of its controls and not others.
/// </summary>
public sealed class OrderingTests
{
    private static readonly string[] Prerequisites = [Oci.Group, Oci.DomainsGroup, Oci.DynamicGroup, Oci.NetworkSource];
    private static readonly string[] NeedCloudGuard = [Oci.DetectorRecipe, Oci.ResponderRecipe, Oci.SecurityRecipe];

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task PersonaPolicies_WaitForTheIdentitiesTheyName(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        Holds(await PoliciesWaitForIdentities(d.Observations));
    }

    [Fact]
    public async Task PersonaPolicies_WaitForTheIdentitiesTheyName_ReportsPolicyThatDoesNotWait()
    {
        var observed = (await EnclaveRun.Of("dev")).Observations.Select(o => o.Type == Oci.Policy && o.Name.EndsWith("-operators", StringComparison.Ordinal)
            ? o with { Options = new CustomResourceOptions { Parent = o.Options.Parent } } : o);
        Broken(await PoliciesWaitForIdentities(observed), "operators");
    }

    [Theory, MemberData(nameof(Stacks), MemberType = typeof(Verdict))]
    public async Task CloudGuardRecipes_WaitForCloudGuard(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        var cloudGuard = d.Observations.Single(o => o.Type == Oci.CloudGuardConfiguration).Resource;
        var recipes = d.Observations.Where(o => NeedCloudGuard.Contains(o.Type)).ToList();
        Assert.Equal(NeedCloudGuard.Length + 1, recipes.Count); // configuration and activity detectors, responder, zone recipe
        foreach (var recipe in recipes)
            Assert.True((await WaitsFor(recipe)).Contains(cloudGuard), $"{recipe} does not wait for Cloud Guard");
    }

    /// <summary>Every persona and root policy waits for every group, dynamic group and network source of the stack.</summary>
    private static async Task<IReadOnlyList<string>> PoliciesWaitForIdentities(IEnumerable<Observed> observations)
    {
        var list = observations.ToList();
        var identities = list.Where(o => Prerequisites.Contains(o.Type)).Select(o => o.Resource).ToList();
        var check = new Rules.Check();
        check.That(identities.Count >= 7, $"{identities.Count} groups, dynamic groups and network sources");
        // The archive's connector policies name only any-user, a service and the auditors' group: they are the
        // archive's, declared with it; the persona policies are the IAM component's.
        foreach (var policy in list.Where(o => o.Type == Oci.Policy && !o.Name.Contains("connector", StringComparison.Ordinal)))
        {
            var waits = await WaitsFor(policy);
            foreach (var identity in identities.Where(i => !waits.Contains(i)))
                check.That(false, $"{policy} does not wait for {identity.GetResourceName()}");
        }
        return check.Violations;
    }

    private static async Task<HashSet<Resource>> WaitsFor(Observed o)
    {
        Output<ImmutableArray<Resource>> dependsOn = (Input<ImmutableArray<Resource>>)o.Options.DependsOn;
        return [.. await OutputUtilities.GetValueAsync(dependsOn)];
    }
}
