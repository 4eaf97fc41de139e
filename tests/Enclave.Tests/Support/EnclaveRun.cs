using System.Collections.Concurrent;
using Enclave.Configuration;
using Pulumi;
using Pulumi.Testing;

namespace Enclave.Tests.Support;

/// <summary>
/// Runs the real program (<c>Deployment.TestAsync&lt;EnclaveStack&gt;</c>) for a stack with its real config file,
/// under the fake cloud, and returns what it declared. Plain runs are cached per stack (the program is
/// deterministic); variant runs are not.
/// </summary>
public static class EnclaveRun
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Deployed>>> Cache = new();

    public static Task<Deployed> Of(string stack) =>
        Cache.GetOrAdd(stack, s => new Lazy<Task<Deployed>>(() => RunAsync(s, new Variant()))).Value;

    public static async Task<Deployed> RunAsync(string stack, Variant variant)
    {
        var config = StackFiles.Read(stack);
        if (variant.EditConfig is not null) config = variant.EditConfig(config);
        var settings = EnclaveConfig.Load(new DictionaryConfigSource(config), stack);

        var subscribed = new[] { settings.HomeRegion, settings.DeploymentRegion, settings.Database.StandbyRegion }
            .OfType<string>().Distinct().ToList();
        var cloud = new LocalCloud(settings.TenancyOcid, settings.HomeRegion,
            variant.EditSubscriptions?.Invoke(subscribed) ?? subscribed, settings.DeploymentRegion);
        var mocks = new RecordingMocks(cloud, variant.Mutate);
        var observations = new ConcurrentQueue<Observed>();

        var resources = await WithConfig(config, async () =>
        {
            using var observer = ResourceObserver.Observe(a => observations.Enqueue(new Observed(a.Resource, a.Args, a.Options)));
            return await Deployment.TestAsync<EnclaveStack>(mocks, new TestOptions
            {
                StackName = stack,
                ProjectName = "us-data-enclave",
                IsPreview = false,
            });
        });

        return new Deployed(stack, settings, [.. mocks.Registrations, .. variant.Extra], [.. observations],
            resources.OfType<EnclaveStack>().Single());
    }

    /// <summary>Runs <paramref name="action"/> with <c>PULUMI_CONFIG</c> set to <paramref name="config"/>.</summary>
    public static async Task<T> WithConfig<T>(IReadOnlyDictionary<string, string> config, Func<Task<T>> action)
    {
        var previous = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", StackFiles.ToPulumiConfig(config));
        try { return await action(); }
        finally { Environment.SetEnvironmentVariable("PULUMI_CONFIG", previous); }
    }
}
