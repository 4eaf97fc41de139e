using System.Collections.Concurrent;
using Pulumirpc;

namespace Pulumi;

/// <summary>
/// Runs a Pulumi program. One deployment core serves both transports: an in-process mock monitor
/// (<see cref="TestAsync{TStack}"/>) and the engine over gRPC (<see cref="RunAsync(Action)"/>).
/// </summary>
public sealed partial class Deployment : IDeployment, IDeploymentInternal
{
    // The current deployment flows with the async context of the program that a Run/Test call started,
    // so concurrent test deployments in different flows do not see each other.
    private static readonly AsyncLocal<DeploymentInstance?> CurrentInstance = new();

    /// <summary>The deployment of the program currently running.</summary>
    public static DeploymentInstance Instance
    {
        get => CurrentInstance.Value ?? throw new InvalidOperationException("Trying to acquire Deployment.Instance before 'Run' was called.");
        internal set
        {
            if (value != null && CurrentInstance.Value != null)
            {
                throw new NotSupportedException("Deployment.Instance should only be set once at the beginning of a 'Run' call.");
            }
            CurrentInstance.Value = value;
        }
    }

    internal static IDeploymentInternal InternalInstance => Instance.Internal;

    /// <summary>The current deployment, or null outside of a Run/Test call.</summary>
    internal static Deployment? TryGetInternal() => CurrentInstance.Value?.Internal;

    /// <summary>Makes the current deployment (if any) wait for <paramref name="task"/> and fail if it faults.</summary>
    internal static void TrackTask(Task task, string description)
        => CurrentInstance.Value?.Internal.Runner.RegisterTask(task, description);

    private readonly DeploymentSettings _settings;
    private readonly ConcurrentDictionary<string, Task<bool>> _featureSupport = new();

    internal IEngine Engine { get; }
    internal IMonitor Monitor { get; }
    internal Runner Runner { get; }
    internal EngineLogger Logger { get; }

    internal Deployment(DeploymentSettings settings, IEngine engine, IMonitor monitor)
    {
        _settings = settings;
        Engine = engine;
        Monitor = monitor;
        Runner = new Runner(this);
        Logger = new EngineLogger(this);
    }

    internal string StackName => _settings.StackName;
    internal string ProjectName => _settings.ProjectName;
    internal string OrganizationName => _settings.OrganizationName;
    internal string? RootDirectory => _settings.RootDirectory;
    internal bool IsDryRun => _settings.IsDryRun;

    string IDeployment.StackName => StackName;
    string IDeployment.ProjectName => ProjectName;
    string IDeployment.OrganizationName => OrganizationName;
    string? IDeployment.RootDirectory => RootDirectory;
    bool IDeployment.IsDryRun => IsDryRun;

    /// <summary>The root stack resource; every unparented resource is registered under its URN.</summary>
    internal Stack? Stack { get; set; }

    Stack? IDeploymentInternal.Stack
    {
        get => Stack;
        set => Stack = value;
    }

    internal DeploymentConfig Config => _settings.Config;

    DeploymentConfig IDeploymentInternal.Config => Config;

    Task IDeploymentInternal.LogAsync(LogSeverity severity, string message, Resource? resource, int? streamId, bool? ephemeral)
        => Logger.LogAsync(severity, message, resource, streamId, ephemeral);

    /// <summary>Asks the monitor once per feature and caches the answer.</summary>
    internal Task<bool> MonitorSupportsFeatureAsync(string feature)
        => _featureSupport.GetOrAdd(feature, async id =>
        {
            var response = await Monitor.SupportsFeatureAsync(new SupportsFeatureRequest { Id = id }).ConfigureAwait(false);
            return response.HasSupport;
        });

    internal Task<bool> MonitorSupportsResourceReferencesAsync() => MonitorSupportsFeatureAsync("resourceReferences");
}
