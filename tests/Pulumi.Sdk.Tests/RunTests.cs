namespace Pulumi.Sdk.Tests;

/// <summary>Running a program outside of the Pulumi CLI.</summary>
public sealed class RunTests
{
    [Fact]
    public async Task RunAsync_without_the_engine_environment_fails_with_the_official_message()
    {
        using var _ = new Infrastructure.EnvironmentScope(("PULUMI_MONITOR", null), ("PULUMI_ENGINE", null), ("PULUMI_PROJECT", null), ("PULUMI_STACK", null));
        var ran = false;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Deployment.RunAsync(() => { ran = true; }));

        Assert.Equal("Program run without the Pulumi engine available; re-run using the `pulumi` CLI", error.Message);
        Assert.False(ran);
    }
}
