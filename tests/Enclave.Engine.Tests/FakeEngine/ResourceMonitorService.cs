using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>
/// <c>pulumirpc.ResourceMonitor</c> as the engine implements it for a program: assigns URNs, answers
/// registrations the way a preview or an update does, routes invokes to provider functions, and enforces the
/// rules the engine enforces (refusing the request like the engine would). Rules the engine would not notice but a
/// faithful SDK keeps are only recorded as violations.
/// </summary>
public sealed partial class ResourceMonitorService(FakeEngineOptions options, EngineRecording recording) : ResourceMonitor.ResourceMonitorBase
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Registration> _byUrn = new();
    private readonly HashSet<string> _reserved = new();
    private readonly MockProviders _providers = new(options.Providers);

    public override Task<SupportsFeatureResponse> SupportsFeature(SupportsFeatureRequest request, ServerCallContext context)
    {
        recording.AddFeatureQuery(request.Id);
        return Task.FromResult(new SupportsFeatureResponse { HasSupport = options.Features.Contains(request.Id) });
    }

    public override async Task<RegisterResourceResponse> RegisterResource(RegisterResourceRequest request, ServerCallContext context)
    {
        var label = $"RegisterResource {request.Type} '{request.Name}'";
        string urn;
        lock (_lock)
        {
            var isFirst = _reserved.Count == 0;
            if (isFirst != (request.Type == Urns.RootStackType))
            {
                Refuse(label, $"the root {Urns.RootStackType} must be registered first, and only once");
            }
            if (request.Type == Urns.RootStackType)
            {
                Check(request.Name == $"{options.Project}-{options.Stack}", label, $"the stack must be named '{options.Project}-{options.Stack}'");
                Check(request.Parent.Length == 0 && !request.Custom, label, "the stack has no parent and is not custom");
            }
            else if (!_byUrn.ContainsKey(request.Parent))
            {
                Refuse(label, $"parent '{request.Parent}' is not a registered resource");
            }
            if (request.Custom && !ThreePartToken().IsMatch(request.Type))
            {
                Refuse(label, $"custom resource type '{request.Type}' is not a package:module:type token", StatusCode.InvalidArgument);
            }
            CheckProvider(label, request.Provider, request.Type, request.Custom);
            CheckCommon(label, request);

            if (options.Refuse(request) is { } status)
            {
                recording.Add(new Registration(request, "", ""));
                throw new RpcException(status);
            }

            urn = Urns.New(options.Stack, options.Project, request.Parent, request.Type, request.Name);
            if (!_reserved.Add(urn))
            {
                Refuse(label, $"Duplicate resource URN '{urn}'; try giving it a unique name", StatusCode.AlreadyExists);
            }
        }

        var result = options.StepResult(request);
        var id = "";
        var outputs = new Struct();
        if (request.Custom && result == Result.Success)
        {
            (id, outputs) = await ProvideAsync(request, urn, label);
        }

        lock (_lock)
        {
            var registration = new Registration(request, urn, id);
            _byUrn[urn] = registration;
            recording.Add(registration);
        }
        return result == Result.Success
            ? new RegisterResourceResponse { Urn = urn, Id = id, Object = outputs, Result = result }
            // A failed or skipped step comes back without an ID or outputs (the engine reports the failure itself).
            : new RegisterResourceResponse { Urn = urn, Result = result };
    }

    /// <summary>
    /// What the engine answers for a custom resource. Providers: configured in both modes; a preview gets the
    /// unknown ID (as from the engine's provider registry). Other resources: nothing in a preview (no create runs),
    /// the provider's ID and outputs in an update.
    /// </summary>
    private async Task<(string Id, Struct Outputs)> ProvideAsync(RegisterResourceRequest request, string urn, string label)
    {
        try
        {
            if (request.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            {
                var providerId = await _providers.ConfigureProviderAsync(request, urn);
                return (options.DryRun ? Wire.Unknown : providerId, new Struct());
            }
            if (options.DryRun)
            {
                return ("", new Struct());
            }
            var (id, outputs) = await _providers.CreateAsync(request);
            return (string.IsNullOrEmpty(id) ? FakeId(urn) : id, EngineOutputs(request, outputs));
        }
        catch (Exception e) when (e is not RpcException)
        {
            recording.Violation($"{label}: the fake provider failed: {e.Message}");
            throw new RpcException(new Status(StatusCode.Unknown, $"the fake provider failed: {e.Message}"));
        }
    }

    /// <summary>
    /// The engine's view of a provider's outputs: an output whose input was secret stays secret, and the outputs
    /// the program asked to be secret (additionalSecretOutputs) become secret.
    /// </summary>
    private static Struct EngineOutputs(RegisterResourceRequest request, Struct outputs)
    {
        foreach (var (key, value) in outputs.Fields.ToList())
        {
            var inputWasSecret = request.Object.Fields.TryGetValue(key, out var input) && Wire.IsSecret(input);
            if ((inputWasSecret || request.AdditionalSecretOutputs.Contains(key)) && !Wire.IsSecret(value))
            {
                outputs.Fields[key] = Wire.Secret(value);
            }
        }
        return outputs;
    }

    public override Task<Empty> RegisterResourceOutputs(RegisterResourceOutputsRequest request, ServerCallContext context)
    {
        recording.Add(request);
        lock (_lock)
        {
            if (!_byUrn.ContainsKey(request.Urn))
            {
                Refuse($"RegisterResourceOutputs {request.Urn}", "unknown resource URN");
            }
        }
        return Task.FromResult(new Empty());
    }

    public override async Task<InvokeResponse> Invoke(ResourceInvokeRequest request, ServerCallContext context)
    {
        recording.Add(request);
        var label = $"Invoke {request.Tok}";
        lock (_lock)
        {
            CheckProvider(label, request.Provider, request.Tok, custom: true);
        }
        Check(!Wire.ContainsUnknown(request.Args), label, "arguments contain unknown values (the SDK must not call the provider then)");
        Check(!IsPluginPackage(request.Tok) || SemVer().IsMatch(request.Version), label, $"version '{request.Version}' is not the provider package's semver");
        try
        {
            return new InvokeResponse { Return = await _providers.InvokeAsync(request) };
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Unknown, $"invocation of {request.Tok} returned an error: {e.Message}"));
        }
    }

    public override Task<ReadResourceResponse> ReadResource(ReadResourceRequest request, ServerCallContext context)
    {
        recording.Add(request);
        string urn;
        lock (_lock)
        {
            urn = Urns.New(options.Stack, options.Project, request.Parent, request.Type, request.Name);
            _reserved.Add(urn);
            _byUrn[urn] = new Registration(new RegisterResourceRequest { Type = request.Type, Name = request.Name, Parent = request.Parent, Custom = true }, urn, request.Id);
        }
        return Task.FromResult(new ReadResourceResponse { Urn = urn, Properties = request.Properties ?? new Struct() });
    }

    public override Task<Empty> SignalAndWaitForShutdown(Empty request, ServerCallContext context)
    {
        recording.Shutdown();
        if (options.ShutdownUnimplemented)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "Method is unimplemented."));
        }
        return Task.FromResult(new Empty());
    }

    /// <summary>An ID for a created resource whose fake provider gave none.</summary>
    private static string FakeId(string urn)
        => "fake-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(urn)))[..16];
}
