using Pulumirpc;

namespace Pulumi;

// The deployment core talks to the outside world only through these two interfaces, whose messages are the
// protobuf messages of the real engine protocol (Protos/*.proto). Test mode plugs in MockMonitor/MockEngine
// (in-process); engine mode plugs in gRPC clients. Everything above them (serialization, registration,
// output resolution) is shared, so tests exercise the same path a real `pulumi up` takes.

/// <summary>The resource monitor (pulumirpc.ResourceMonitor) as the deployment core uses it.</summary>
internal interface IMonitor
{
    Task<SupportsFeatureResponse> SupportsFeatureAsync(SupportsFeatureRequest request);

    /// <summary>The resource object is passed along so an in-process monitor can report what was registered.</summary>
    Task<RegisterResourceResponse> RegisterResourceAsync(Resource resource, RegisterResourceRequest request);

    Task<ReadResourceResponse> ReadResourceAsync(Resource resource, ReadResourceRequest request);

    Task RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request);

    Task<InvokeResponse> InvokeAsync(ResourceInvokeRequest request);

    Task<CallResponse> CallAsync(ResourceCallRequest request);

    /// <summary>Called once after a successful program run; a gRPC monitor should tolerate "Unimplemented".</summary>
    Task SignalAndWaitForShutdownAsync();
}

/// <summary>The engine service (pulumirpc.Engine) as the deployment core uses it.</summary>
internal interface IEngine
{
    Task LogAsync(LogRequest request);
}

/// <summary>
/// How <see cref="Deployment.RunAsync(Action)"/> and friends connect to a real engine: the gRPC transport
/// (Grpc/GrpcTransport.cs) unless <see cref="EngineConnector"/> replaces it. A program run without the
/// engine's environment fails with the official message.
/// </summary>
internal static class DeploymentTransport
{
    internal const string NoEngineMessage = "Program run without the Pulumi engine available; re-run using the `pulumi` CLI";

    /// <summary>Creates the engine and monitor clients from the environment the language host provided.</summary>
    internal static Func<EngineEnvironment, (IEngine Engine, IMonitor Monitor)>? EngineConnector { get; set; }

    /// <summary>Reads the engine environment and connects, or throws the official "no engine" error.</summary>
    internal static (DeploymentSettings Settings, IEngine Engine, IMonitor Monitor) ConnectFromEnvironment()
    {
        var environment = EngineEnvironment.Read() ?? throw new InvalidOperationException(NoEngineMessage);
        var connector = EngineConnector ?? GrpcTransport.Connect;
        var (engine, monitor) = connector(environment);
        var settings = new DeploymentSettings(
            environment.Project,
            environment.Stack,
            environment.Organization ?? "organization",
            environment.RootDirectory,
            environment.DryRun,
            DeploymentConfig.FromEnvironment());
        return (settings, engine, monitor);
    }
}

/// <summary>The variables the Pulumi language host sets for a program (see protocol reference §3.1).</summary>
internal sealed record EngineEnvironment(
    string Monitor,
    string Engine,
    string Project,
    string Stack,
    string? Organization,
    string? RootDirectory,
    bool DryRun,
    bool QueryMode,
    int Parallel)
{
    /// <summary>Null when a required variable is missing or unparsable (the program was not started by the CLI).</summary>
    public static EngineEnvironment? Read()
    {
        static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

        var monitor = Get("PULUMI_MONITOR");
        var engine = Get("PULUMI_ENGINE");
        var project = Get("PULUMI_PROJECT");
        var stack = Get("PULUMI_STACK");
        if (monitor is null || engine is null || project is null || stack is null
            || !bool.TryParse(Get("PULUMI_DRY_RUN"), out var dryRun)
            || !int.TryParse(Get("PULUMI_PARALLEL"), out var parallel))
        {
            return null;
        }
        // Newer hosts may omit the query mode: treat it as false.
        var queryMode = bool.TryParse(Get("PULUMI_QUERY_MODE"), out var q) && q;
        return new EngineEnvironment(monitor, engine, project, stack, Get("PULUMI_ORGANIZATION"), Get("PULUMI_ROOT_DIRECTORY"), dryRun, queryMode, parallel);
    }
}

/// <summary>Per-deployment settings, identical in shape for test and engine mode.</summary>
internal sealed record DeploymentSettings(
    string ProjectName,
    string StackName,
    string OrganizationName,
    string? RootDirectory,
    bool IsDryRun,
    DeploymentConfig Config);
