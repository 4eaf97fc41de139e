using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Pulumi.Testing;

namespace Pulumi;

// Entry points: RunAsync (engine mode) and TestAsync (mock mode). Both build a Deployment over a transport
// and run the same Runner; they differ only in the monitor/engine they plug in and how failures surface.
public sealed partial class Deployment
{
    public static Task<int> RunAsync(Action action)
        => RunAsync(() =>
        {
            action();
            return ComponentResource.EmptyOutputs;
        });

    public static Task<int> RunAsync(Func<IDictionary<string, object?>> func)
        => RunAsync(() => Task.FromResult(func()));

    public static Task<int> RunAsync(Func<Task> func)
        => RunAsync(async () =>
        {
            await func().ConfigureAwait(false);
            return ComponentResource.EmptyOutputs;
        });

    public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> func, StackOptions? options = null)
        => RunWithEngineAsync(runner => runner.RunStackAsync(() => new Stack(func, options), registerPropertyOutputs: false));

    public static Task<int> RunAsync<[DynamicallyAccessedMembers(StackConstructor)] TStack>() where TStack : Stack, new()
        => RunWithEngineAsync(runner => runner.RunStackAsync(CreateStack<TStack>, registerPropertyOutputs: true));

    public static Task<int> RunAsync<TStack>(IServiceProvider serviceProvider) where TStack : Stack
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        return RunWithEngineAsync(runner => runner.RunStackAsync(() => ResolveStack<TStack>(serviceProvider), registerPropertyOutputs: true));
    }

    /// <summary>
    /// Runs <typeparamref name="TStack"/> against <paramref name="mocks"/> instead of the engine and returns every
    /// resource registered (including the stack). Preview by default. Program errors throw
    /// <see cref="RunException"/>. Test deployments must run serially (configuration is process-global).
    /// </summary>
    public static async Task<ImmutableArray<Resource>> TestAsync<[DynamicallyAccessedMembers(StackConstructor)] TStack>(IMocks mocks, TestOptions? options = null) where TStack : Stack, new()
    {
        var monitor = await RunWithMocksAsync(mocks, options,
            runner => runner.RunStackAsync(CreateStack<TStack>, registerPropertyOutputs: true)).ConfigureAwait(false);
        return monitor.RegisteredResources;
    }

    public static async Task<ImmutableArray<Resource>> TestWithServiceProviderAsync<TStack>(IMocks mocks, IServiceProvider serviceProvider, TestOptions? options = null) where TStack : Stack
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var monitor = await RunWithMocksAsync(mocks, options,
            runner => runner.RunStackAsync(() => ResolveStack<TStack>(serviceProvider), registerPropertyOutputs: true)).ConfigureAwait(false);
        return monitor.RegisteredResources;
    }

    /// <summary>Runs <paramref name="createResources"/> as a program under mocks; returns its resources and outputs.</summary>
    public static async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
        IMocks testMocks, TestOptions testOptions, Func<Task<IDictionary<string, object?>>> createResources)
    {
        TestStack? stack = null;
        var monitor = await RunWithMocksAsync(testMocks, testOptions,
            runner => runner.RunStackAsync(() => stack = new TestStack(createResources), registerPropertyOutputs: false)).ConfigureAwait(false);
        var outputs = stack is null
            ? ComponentResource.EmptyOutputs
            : await stack.Outputs.GetValueAsync(whenUnknown: ComponentResource.EmptyOutputs).ConfigureAwait(false);
        return (WithoutTestStack(monitor), outputs);
    }

    public static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
        IMocks testMocks, TestOptions testOptions, Func<IDictionary<string, object?>> createResources)
        => TestAsync(testMocks, testOptions, () => Task.FromResult(createResources()));

    public static async Task<ImmutableArray<Resource>> TestAsync(IMocks testMocks, TestOptions testOptions, Func<Task> createResources)
    {
        var (resources, _) = await TestAsync(testMocks, testOptions, async () =>
        {
            await createResources().ConfigureAwait(false);
            return ComponentResource.EmptyOutputs;
        }).ConfigureAwait(false);
        return resources;
    }

    public static async Task<ImmutableArray<Resource>> TestAsync(IMocks testMocks, TestOptions testOptions, Action createResources)
    {
        var (resources, _) = await TestAsync(testMocks, testOptions, () =>
        {
            createResources();
            return ComponentResource.EmptyOutputs;
        }).ConfigureAwait(false);
        return resources;
    }

    private static ImmutableArray<Resource> WithoutTestStack(MockMonitor monitor)
        => monitor.RegisteredResources.Where(r => r is not TestStack).ToImmutableArray();

    /// <summary>How CreateStack builds a stack: trimming (Native AOT) keeps the constructor of every stack class run.</summary>
    private const DynamicallyAccessedMemberTypes StackConstructor =
        DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.NonPublicConstructors;

    private static TStack CreateStack<[DynamicallyAccessedMembers(StackConstructor)] TStack>() where TStack : Stack
        // DoNotWrapExceptions: a failing stack constructor reports its own exception, not a TargetInvocationException.
        => (TStack)Activator.CreateInstance(typeof(TStack),
            BindingFlags.Public | BindingFlags.Instance | BindingFlags.DoNotWrapExceptions, null, null, null)!;

    private static TStack ResolveStack<TStack>(IServiceProvider serviceProvider) where TStack : Stack
        => serviceProvider.GetService(typeof(TStack)) as TStack
           ?? throw new ApplicationException($"Failed to resolve instance of type {typeof(TStack)} from service provider. Register the type with the service provider before calling {nameof(RunAsync)}.");

    /// <summary>Engine mode: connect through the transport seam, run, then let the engine finish.</summary>
    private static async Task<int> RunWithEngineAsync(Func<Runner, Task<int>> run)
    {
        var (settings, engine, monitor) = DeploymentTransport.ConnectFromEnvironment();
        var deployment = new Deployment(settings, engine, monitor);
        var exitCode = await RunInContextAsync(deployment, run).ConfigureAwait(false);
        if (exitCode == 0)
        {
            await monitor.SignalAndWaitForShutdownAsync().ConfigureAwait(false);
        }
        else
        {
            // Like the official SDK, also set the process exit code for programs that ignore the return value.
            Environment.ExitCode = exitCode;
        }
        return exitCode;
    }

    /// <summary>Mock mode: run in-process against <paramref name="mocks"/>; errors logged by the run are thrown.</summary>
    private static async Task<MockMonitor> RunWithMocksAsync(IMocks mocks, TestOptions? options, Func<Runner, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(mocks);
        var settings = new DeploymentSettings(
            options?.ProjectName ?? "project",
            options?.StackName ?? "stack",
            options?.OrganizationName ?? "organization",
            options?.RootDirectory,
            options?.IsPreview ?? true,
            DeploymentConfig.FromEnvironment());
        var engine = new MockEngine();
        var monitor = new MockMonitor(mocks, settings);
        var deployment = new Deployment(settings, engine, monitor);

        await RunInContextAsync(deployment, run).ConfigureAwait(false);

        var errors = engine.Errors;
        if (errors.Length == 1)
        {
            throw new RunException(errors[0]);
        }
        if (errors.Length > 1)
        {
            throw new AggregateException(errors.Select(e => new RunException(e)));
        }
        return monitor;
    }

    /// <summary>
    /// Makes <paramref name="deployment"/> current for the program's async flow. Being an async method, the
    /// AsyncLocal change is undone for the caller when it returns.
    /// </summary>
    internal static async Task<int> RunInContextAsync(Deployment deployment, Func<Runner, Task<int>> run)
    {
        Instance = new DeploymentInstance(deployment);
        return await run(deployment.Runner).ConfigureAwait(false);
    }
}
