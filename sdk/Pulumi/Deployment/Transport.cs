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
    /// <summary>The variables every engine run sets; none of them set means the program was not started by the CLI.</summary>
    private static readonly string[] Required =
        ["PULUMI_MONITOR", "PULUMI_ENGINE", "PULUMI_PROJECT", "PULUMI_STACK", "PULUMI_DRY_RUN", "PULUMI_PARALLEL"];

    /// <summary>
    /// Null when none of the engine's variables is set (the program was started by hand: the caller reports the
    /// official "no engine" message). When only some are set, or one is malformed, the environment is broken rather
    /// than absent: throws an <see cref="InvalidOperationException"/> naming the variable and its expected form.
    /// </summary>
    public static EngineEnvironment? Read()
    {
        static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

        if (Required.All(name => Get(name) is null))
        {
            return null;
        }
        string Require(string name, string expected)
            => Get(name) ?? throw Broken(name, expected, null);

        var monitor = Require("PULUMI_MONITOR", "the resource monitor's address, as host:port");
        var engine = Require("PULUMI_ENGINE", "the engine's address, as host:port");
        var project = Require("PULUMI_PROJECT", "the project name");
        var stack = Require("PULUMI_STACK", "the stack name");
        var dryRunText = Require("PULUMI_DRY_RUN", "'true' (preview) or 'false' (update)");
        if (!bool.TryParse(dryRunText, out var dryRun))
        {
            throw Broken("PULUMI_DRY_RUN", "'true' (preview) or 'false' (update)", dryRunText);
        }
        var parallelText = Require("PULUMI_PARALLEL", "a whole number of parallel resource operations");
        if (!int.TryParse(parallelText, out var parallel) || parallel < 0)
        {
            throw Broken("PULUMI_PARALLEL", "a whole number of parallel resource operations", parallelText);
        }
        // Newer hosts may omit the query mode: treat it as false.
        var queryMode = bool.TryParse(Get("PULUMI_QUERY_MODE"), out var q) && q;
        return new EngineEnvironment(monitor, engine, project, stack, Get("PULUMI_ORGANIZATION"), Get("PULUMI_ROOT_DIRECTORY"), dryRun, queryMode, parallel);
    }

    private static InvalidOperationException Broken(string variable, string expected, string? got)
        => new($"The Pulumi engine's environment is incomplete: {variable} must be {expected}; " +
               (got is null ? "it is not set." : $"got '{got}'.") +
               " Run the program with the `pulumi` CLI (`pulumi preview` / `pulumi up`).");
}

/// <summary>Per-deployment settings, identical in shape for test and engine mode.</summary>
internal sealed record DeploymentSettings(
    string ProjectName,
    string StackName,
    string OrganizationName,
    string? RootDirectory,
    bool IsDryRun,
    DeploymentConfig Config);
