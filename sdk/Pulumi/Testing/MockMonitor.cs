using System.Collections;
using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Pulumi.Serialization;
using Pulumirpc;

namespace Pulumi.Testing;

/// <summary>
/// The resource monitor in test mode. It speaks the same protobuf messages as the engine, answering
/// registrations and invokes from <see cref="IMocks"/>: inputs are deserialized for the mock (secrets
/// unwrapped, unknowns and nulls dropped), the mock's state is serialized back as the response, URNs are made
/// up the way the official mock monitor makes them, and every registered resource is recorded.
/// </summary>
internal sealed class MockMonitor : IMonitor
{
    private readonly IMocks _mocks;
    private readonly DeploymentSettings _settings;
    private readonly object _lock = new();
    private readonly List<Resource> _resources = new();
    private readonly Dictionary<string, ImmutableDictionary<string, object?>> _registrations = new();

    public MockMonitor(IMocks mocks, DeploymentSettings settings)
    {
        _mocks = mocks;
        _settings = settings;
    }

    /// <summary>Every resource that reached RegisterResource/ReadResource (including the stack), in arrival order.</summary>
    public ImmutableArray<Resource> RegisteredResources
    {
        get
        {
            lock (_lock)
            {
                return _resources.ToImmutableArray();
            }
        }
    }

    public Task<SupportsFeatureResponse> SupportsFeatureAsync(SupportsFeatureRequest request)
        // Everything but output values, so mock inputs never contain Output objects.
        => Task.FromResult(new SupportsFeatureResponse { HasSupport = request.Id != "outputValues" });

    public async Task<RegisterResourceResponse> RegisterResourceAsync(Resource resource, RegisterResourceRequest request)
    {
        lock (_lock)
        {
            _resources.Add(resource);
        }

        var urn = NewUrn(request.Parent, request.Type, request.Name);
        if (request.Type == Constants.RootStackType)
        {
            // The stack is not a provider resource: the mocks are not asked about it.
            return new RegisterResourceResponse { Urn = urn, Object = new Struct() };
        }

        var (id, state) = await _mocks.NewResourceAsync(new MockResourceArgs
        {
            Type = request.Type,
            Name = request.Name,
            Inputs = ToDictionary(request.Object),
            Provider = request.Provider,
            Id = request.ImportId,
        }).ConfigureAwait(false);

        var serializedState = await SerializeStateAsync(state, $"{request.Type}::{request.Name}").ConfigureAwait(false);
        var finalId = id ?? request.ImportId;
        Remember(urn, finalId, serializedState);

        return new RegisterResourceResponse
        {
            Urn = urn,
            Id = finalId,
            Object = MarkSecret(Serializer.CreateStruct(serializedState), request.AdditionalSecretOutputs),
        };
    }

    public async Task<ReadResourceResponse> ReadResourceAsync(Resource resource, ReadResourceRequest request)
    {
        var (id, state) = await _mocks.NewResourceAsync(new MockResourceArgs
        {
            Type = request.Type,
            Name = request.Name,
            Inputs = ToDictionary(request.Properties),
            Provider = request.Provider,
            Id = request.Id,
        }).ConfigureAwait(false);

        var urn = NewUrn(request.Parent, request.Type, request.Name);
        var serializedState = await SerializeStateAsync(state, $"{request.Type}::{request.Name}").ConfigureAwait(false);
        lock (_lock)
        {
            _resources.Add(resource);
        }
        Remember(urn, id ?? request.Id, serializedState);

        return new ReadResourceResponse
        {
            Urn = urn,
            Properties = MarkSecret(Serializer.CreateStruct(serializedState), request.AdditionalSecretOutputs),
        };
    }

    public async Task RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request)
    {
        var outputs = ImmutableDictionary.CreateBuilder<string, Output<object?>>();
        foreach (var (key, value) in request.Outputs?.Fields ?? new Struct().Fields)
        {
            outputs[key] = new Output<object?>(Task.FromResult(Deserializer.Deserialize(value)));
        }
        await _mocks.RegisterResourceOutputs(new MockRegisterResourceOutputsRequest(request.Urn, outputs.ToImmutable())).ConfigureAwait(false);
    }

    public async Task<InvokeResponse> InvokeAsync(ResourceInvokeRequest request)
    {
        var args = ToDictionary(request.Args);

        if (request.Tok == Constants.GetResourceToken)
        {
            // Rehydration of a resource by URN: answer from what was registered.
            var urn = args.TryGetValue("urn", out var u) ? u as string : null;
            ImmutableDictionary<string, object?>? registration;
            lock (_lock)
            {
                _registrations.TryGetValue(urn ?? "", out registration);
            }
            if (registration is null)
            {
                throw new InvalidOperationException($"Unknown resource {urn}");
            }
            return new InvokeResponse { Return = Serializer.CreateStruct(registration) };
        }

        var result = await _mocks.CallAsync(new MockCallArgs
        {
            Token = request.Tok,
            Args = args,
            Provider = request.Provider,
        }).ConfigureAwait(false);

        var serialized = await SerializeStateAsync(result, request.Tok).ConfigureAwait(false);
        return new InvokeResponse { Return = Serializer.CreateStruct(serialized) };
    }

    /// <summary>Resource methods are answered by <see cref="IMocks.CallAsync"/> too.</summary>
    public async Task<CallResponse> CallAsync(ResourceCallRequest request)
    {
        var result = await _mocks.CallAsync(new MockCallArgs
        {
            Token = request.Tok,
            Args = ToDictionary(request.Args),
            Provider = request.Provider,
        }).ConfigureAwait(false);
        var serialized = await SerializeStateAsync(result, request.Tok).ConfigureAwait(false);
        return new CallResponse { Return = Serializer.CreateStruct(serialized) };
    }

    public Task SignalAndWaitForShutdownAsync() => Task.CompletedTask;

    private void Remember(string urn, string id, IDictionary<string, object?> state)
    {
        lock (_lock)
        {
            _registrations[urn] = ImmutableDictionary<string, object?>.Empty
                .Add("urn", urn)
                .Add("id", id)
                .Add("state", state);
        }
    }

    /// <summary>
    /// Mock URNs: the type is prefixed with the first '$'-segment of the parent's qualified type, so every
    /// non-stack resource reads <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::pulumi:pulumi:Stack$&lt;type&gt;::&lt;name&gt;</c>.
    /// </summary>
    private string NewUrn(string parent, string type, string name)
    {
        if (!string.IsNullOrEmpty(parent))
        {
            var parentQualifiedType = parent.Split("::")[2];
            type = parentQualifiedType.Split('$')[0] + "$" + type;
        }
        return $"urn:pulumi:{_settings.StackName}::{_settings.ProjectName}::{type}::{name}";
    }

    /// <summary>The mock's view of a property bag: plain values, secrets unwrapped, unknowns and nulls skipped.</summary>
    private static ImmutableDictionary<string, object> ToDictionary(Struct? properties)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object>();
        if (properties is null)
        {
            return builder.ToImmutable();
        }
        foreach (var (key, value) in properties.Fields)
        {
            var data = Deserializer.Deserialize(value);
            if (data.IsKnown && data.Value is not null)
            {
                builder[key] = data.Value;
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>Serializes what a mock returned (resources kept as references), as the engine would send it.</summary>
    private static async Task<IDictionary<string, object?>> SerializeStateAsync(object? state, string context)
    {
        if (state is null)
        {
            throw new InvalidOperationException($"The mock returned a null state for {context}; return a dictionary (e.g. args.Inputs).");
        }
        if (state is IDictionary<string, object> typed)
        {
            state = typed.ToImmutableDictionary();
        }
        var serializer = new Serializer();
        var serialized = await serializer.SerializeAsync(context, state, keepResources: true).ConfigureAwait(false);
        return serialized as IDictionary<string, object?>
            ?? throw new InvalidOperationException($"The mock result for {context} must serialize to an object, got {state.GetType().FullName}.");
    }

    /// <summary>
    /// Marks the requested additional secret outputs as secret, as the engine does, so secrets stay secret
    /// in tests too.
    /// </summary>
    private static Struct MarkSecret(Struct state, IEnumerable<string> additionalSecretOutputs)
    {
        foreach (var name in additionalSecretOutputs)
        {
            if (state.Fields.TryGetValue(name, out var value) && !IsSecret(value))
            {
                var wrapper = new Struct();
                wrapper.Fields[Constants.SpecialSigKey] = Value.ForString(Constants.SpecialSecretSig);
                wrapper.Fields[Constants.SecretValueName] = value;
                state.Fields[name] = Value.ForStruct(wrapper);
            }
        }
        return state;
    }

    private static bool IsSecret(Value value)
        => value.KindCase == Value.KindOneofCase.StructValue
           && value.StructValue.Fields.TryGetValue(Constants.SpecialSigKey, out var sig)
           && sig.StringValue == Constants.SpecialSecretSig;
}
