using Enclave.Configuration;
using Enclave.Offline.Fakes;
using Enclave.Offline.Stacks;
using Pulumi;
using Pulumi.Testing;

namespace Enclave.Tests.Configuration;

/// <summary>
/// <see cref="EnclaveConfig.Read"/> inside a real (mock-engine) deployment: the config the engine hands the program
/// through <c>PULUMI_CONFIG</c> (and <c>PULUMI_CONFIG_SECRET_KEYS</c>), read with the official Config API. Callers
/// run in <see cref="Offline.OfflineCollection"/>: the variables are process-wide.
/// </summary>
internal static class UnderPulumi
{
    /// <summary>The settings the program reads from <paramref name="config"/>; a <see cref="RunException"/> when it refuses them.</summary>
    public static async Task<EnclaveSettings?> ReadAsync(StackConfig config)
    {
        EnclaveSettings? settings = null;
        using (await ConfigEnvironment.EnterAsync(config))
        {
            await Deployment.TestAsync(new FakeCloudMocks(FakeCloud.Default, "us-ashburn-1"),
                new TestOptions { ProjectName = config.Project, StackName = config.Stack }, () => { settings = EnclaveConfig.Read(); });
        }
        return settings;
    }
}
