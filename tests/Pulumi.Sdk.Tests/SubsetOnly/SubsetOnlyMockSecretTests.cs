using Pulumi.Oci.Database;
using Pulumi.Random;
using Pulumi.Testing;

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
}
