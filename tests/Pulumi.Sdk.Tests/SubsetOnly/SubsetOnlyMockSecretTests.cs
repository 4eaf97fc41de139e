using Pulumi.Oci.Database;
using Pulumi.Random;
using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Pulumi.Sdk.Tests.SubsetOnly;

/// <summary>
/// Subset only (not compiled under -p:UseOfficialPulumiSdk=true): the official mock monitor ignores
/// AdditionalSecretOutputs, so under official mocks a RandomPassword's result is plain. The real engine marks those
/// outputs secret, and so does this subset's mock monitor, so that a program's generated secrets stay secret in
/// tests and offline plans.
/// </summary>
public sealed class SubsetOnlyMockSecretTests
{
    [Fact]
    public async Task Schema_secret_outputs_are_secret_under_the_subset_mocks()
    {
        var mocks = OciProgramTests.NewMocks();
        var resources = await Deployment.TestAsync<EnclaveDatabaseStack>(mocks.Object, new TestOptions { IsPreview = false });

        Assert.True(await Output.IsSecretAsync(resources.OfType<RandomPassword>().Single().Result));
        Assert.True(await Output.IsSecretAsync(resources.OfType<AutonomousDatabase>().Single().AdminPassword));
        Assert.False(await Output.IsSecretAsync(resources.OfType<RandomPassword>().Single().Length));

        var stackOutputs = mocks.RegisteredOutputs.Single(r => r.Urn.EndsWith("::project-stack", StringComparison.Ordinal));
        Assert.True(await Output.IsSecretAsync(stackOutputs.Outputs["adminPassword"]));
        Assert.False(await Output.IsSecretAsync(stackOutputs.Outputs["databaseId"]));
    }

    [Fact]
    public async Task Subset_only_an_output_form_invoke_with_a_secret_argument_is_secret_under_mocks()
    {
        // The official SDK leaves the result's secrecy to the engine/provider (Deployment_Invoke.cs), so its mock monitor
        // returns it plain; this subset also marks it from the arguments, so a secret never comes back plain.
        var mocks = InvokeTests.NewMocks();
        Output<FakeGetServicesResult>? result = null;
        await Deployment.TestAsync(mocks.Object, new TestOptions(), () =>
        {
            result = FakeGetServices.Invoke(new FakeGetServicesInvokeArgs { NameFilter = Output.CreateSecret("hidden") });
        });

        Assert.True(await Output.IsSecretAsync(result!));
        Assert.Equal("services-hidden", (await OutputUtilities.GetValueAsync(result!)).Id);
        Assert.Equal("hidden", Assert.Single(mocks.Calls).Args["nameFilter"]);
    }

    [Fact]
    public async Task Subset_only_apply_skips_an_unknown_value_in_an_update_too()
    {
        // The official SDK runs the callback on an unknown's value in an update (an output a failed step left
        // unknown); this subset keeps skipping it, so callbacks written for real values never see a default.
        var calls = 0;
        Output<int>? output = null;
        await Deployment.TestAsync(new Infrastructure.RecordingMocks().Object, new TestOptions { IsPreview = false }, () =>
        {
            output = OutputUtilities.CreateUnknown("kept").Apply(v => { calls++; return v.Length; });
        });
        Assert.False(await OutputUtilities.GetIsKnownAsync(output!));
        Assert.Equal(0, calls);
    }
}
