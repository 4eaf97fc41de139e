using System.Collections.Concurrent;
using Enclave.Configuration;
using Enclave.Offline.Fakes;
using Enclave.Offline.Stacks;
using Pulumi;
using Pulumi.Testing;

namespace Enclave.Tests.Support;

/// <summary>
/// Runs the real program (<c>Deployment.TestAsync&lt;EnclaveStack&gt;</c>) for a stack with its real config file,
/// under the fake cloud, and returns what it declared. Plain runs are cached per stack (the program is
/// deterministic); variant runs are not. The cache steps aside while Stryker captures per-test coverage
/// (<see cref="MutationCoverage"/>), so that each test is credited with the program code it reads.
/// </summary>
public static class EnclaveRun
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Deployed>>> Cache = new();

    public static Task<Deployed> Of(string stack) => MutationCoverage.IsCapturing
        ? RunAsync(stack, new Variant())
        : Cache.GetOrAdd(stack, s => new Lazy<Task<Deployed>>(() => RunAsync(s, new Variant()))).Value;

    public static async Task<Deployed> RunAsync(string stack, Variant variant)
    {
        var config = StackFiles.Load(stack);
        if (variant.EditConfig is not null) config = config with { Values = variant.EditConfig(config.Values) };
        var settings = EnclaveConfig.Load(config.Source, stack);

        var cloud = FakeCloud.For(settings);
        if (variant.EditSubscriptions is not null)
            cloud = new FakeCloud(cloud.TenancyOcid, cloud.HomeRegion, variant.EditSubscriptions(cloud.SubscribedRegions));
        var mocks = new RecordingMocks(cloud, settings.DeploymentRegion, variant.Mutate, variant.EditAnswer);
        var observations = new ConcurrentQueue<Observed>();

        var resources = await Run(config, mocks, () =>
        {
            var observer = ResourceObserver.Observe(a => observations.Enqueue(new Observed(a.Resource, a.Args, a.Options)));
            return observer;
        });

        return new Deployed(stack, settings, cloud, [.. mocks.Registrations, .. variant.Extra], [.. observations],
            resources.OfType<EnclaveStack>().Single());
    }

    /// <summary>
    /// Runs the program with a (possibly edited) config without validating it first, as `pulumi up` would:
    /// the error it stopped with, if any, and everything it had declared by then.
    /// </summary>
    public static async Task<(Exception? Error, IReadOnlyList<Registered> Declared)> TryRunAsync(string stack, Variant variant)
    {
        var config = StackFiles.Load(stack);
        if (variant.EditConfig is not null) config = config with { Values = variant.EditConfig(config.Values) };
        var mocks = new RecordingMocks(FakeCloud.Default, "us-ashburn-1", variant.Mutate);
        try
        {
            await Run(config, mocks);
            return (null, [.. mocks.Registrations]);
        }
        catch (Exception error)
        {
            return (error, [.. mocks.Registrations]);
        }
    }

    /// <summary>Runs the program with <paramref name="config"/> as the engine's config, observing its resources.</summary>
    public static async Task<System.Collections.Immutable.ImmutableArray<Resource>> Run(StackConfig config,
        RecordingMocks mocks, Func<IDisposable>? observe = null)
    {
        using var environment = await ConfigEnvironment.EnterAsync(config);
        using var observer = observe?.Invoke();
        return await Deployment.TestAsync<EnclaveStack>(mocks.Mock.Object, new TestOptions
        {
            StackName = config.Stack,
            ProjectName = config.Project,
            IsPreview = false,
        });
    }
}
