using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Pulumi.Serialization;
using Pulumirpc;

namespace Pulumi;

// Provider functions. The Task forms await their arguments and call the monitor; the Output forms also
// carry dependencies/secrecy and short-circuit to unknown when an argument is unknown (no call is made).
public sealed partial class Deployment
{
    Task<T> IDeployment.InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options) => InvokeAsync<T>(token, args, options);
    Task<T> IDeployment.InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options) => InvokeSingleAsync<T>(token, args, options);
    Task IDeployment.InvokeAsync(string token, InvokeArgs args, InvokeOptions? options) => InvokeAsync(token, args, options);
    Output<T> IDeployment.Invoke<T>(string token, InvokeArgs args, InvokeOptions? options) => Invoke<T>(token, args, options);
    Output<T> IDeployment.InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options) => InvokeSingle<T>(token, args, options);

    internal async Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options)
    {
        var result = await InvokeRawAsync(token, args.ToDictionary(), options).ConfigureAwait(false);
        return ConvertResult<T>(token, Value.ForStruct(result), ImmutableHashSet<Resource>.Empty).Value;
    }

    internal async Task<T> InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options)
    {
        var result = await InvokeRawAsync(token, args.ToDictionary(), options).ConfigureAwait(false);
        return ConvertResult<T>(token, SingleValue(token, result), ImmutableHashSet<Resource>.Empty).Value;
    }

    internal async Task InvokeAsync(string token, InvokeArgs args, InvokeOptions? options)
        => await InvokeRawAsync(token, args.ToDictionary(), options).ConfigureAwait(false);

    internal Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options)
        => new(InvokeOutputAsync<T>(token, args, options, single: false));

    internal Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options)
        => new(InvokeOutputAsync<T>(token, args, options, single: true));

    private async Task<OutputData<T>> InvokeOutputAsync<T>(string token, InvokeArgs args, InvokeOptions? options, bool single)
    {
        var keepResources = await MonitorSupportsResourceReferencesAsync().ConfigureAwait(false);
        var (argsStruct, argumentDependencies) = await PropertySerializer.SerializePropertiesAsync(
            $"invoke:{token}", args.ToDictionary(), keepResources, _ => true).ConfigureAwait(false);
        // An unknown the official SDK can see in the serialized arguments (the sentinel anywhere, secrets included):
        // no call, and an unknown result without dependencies or secrecy, as officially (Deployment_Invoke.cs).
        if (ContainsUnknownValue(Value.ForStruct(argsStruct)))
        {
            return UnknownInvokeResult<T>();
        }

        var dependencies = argumentDependencies.Values.SelectMany(r => r).ToImmutableHashSet();
        var waitFor = dependencies;
        if (options is InvokeOutputOptions { } outputOptions)
        {
            var dependsOn = await GatherDependsOnAsync(outputOptions.DependsOn).ConfigureAwait(false);
            dependencies = dependencies.Union(dependsOn);
            waitFor = waitFor.Union(dependsOn);
        }
        // As officially since 3.72: every resource the arguments or DependsOn reach (a component standing for its
        // children) must have a known ID, else the result is unknown and no call is made (a preview of a new resource).
        foreach (var resource in ExpandComponents(waitFor))
        {
            if (resource is CustomResource custom and not DependencyResource
                && !(await custom.Id.DataTask.ConfigureAwait(false)).IsKnown)
            {
                return UnknownInvokeResult<T>();
            }
        }

        var secretArguments = ContainsSecretValue(Value.ForStruct(argsStruct));
        var result = await InvokeStructAsync(token, argsStruct, options).ConfigureAwait(false);
        var converted = ConvertResult<T>(token, single ? SingleValue(token, result) : Value.ForStruct(result), dependencies);
        // Kept difference (sdk/Pulumi/README.md): a secret argument makes the result secret even when the monitor does
        // not mark it (the official SDK leaves that to the engine/provider).
        return converted with { IsSecret = converted.IsSecret || secretArguments };
    }

    private static OutputData<T> UnknownInvokeResult<T>() => new(ImmutableHashSet<Resource>.Empty, default!, false, false);

    private static bool ContainsUnknownValue(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => value.StringValue == Constants.UnknownValue,
        Value.KindOneofCase.ListValue => value.ListValue.Values.Any(ContainsUnknownValue),
        Value.KindOneofCase.StructValue => value.StructValue.Fields.Values.Any(ContainsUnknownValue),
        _ => false,
    };

    private static bool ContainsSecretValue(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.ListValue => value.ListValue.Values.Any(ContainsSecretValue),
        Value.KindOneofCase.StructValue => value.StructValue.Fields.TryGetValue(Constants.SpecialSigKey, out var sig)
            && sig.StringValue == Constants.SpecialSecretSig
            || value.StructValue.Fields.Values.Any(ContainsSecretValue),
        _ => false,
    };

    /// <summary>The given resources plus, for each local component, all its descendants (remote components stay whole).</summary>
    private static IEnumerable<Resource> ExpandComponents(IEnumerable<Resource> resources)
    {
        var reachable = new HashSet<Resource>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<Resource>(resources);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (!reachable.Add(current) || current is not ComponentResource { Remote: false })
            {
                continue;
            }
            lock (current.ChildResources)
            {
                foreach (var child in current.ChildResources)
                {
                    queue.Enqueue(child);
                }
            }
        }
        return reachable;
    }

    /// <summary>Serializes plain arguments and invokes; returns the raw result object.</summary>
    internal async Task<Struct> InvokeRawAsync(string token, IDictionary<string, object?> args, InvokeOptions? options)
    {
        var keepResources = await MonitorSupportsResourceReferencesAsync().ConfigureAwait(false);
        var (serialized, _) = await PropertySerializer.SerializePropertiesAsync($"invoke:{token}", args, keepResources, _ => true).ConfigureAwait(false);
        return await InvokeStructAsync(token, serialized, options).ConfigureAwait(false);
    }

    private async Task<Struct> InvokeStructAsync(string token, Struct args, InvokeOptions? options)
    {
        var provider = options?.Provider ?? options?.Parent?.GetProvider(token);
        var providerRef = await ProviderResource.RegisterAsync(provider).ConfigureAwait(false);
        var request = new ResourceInvokeRequest
        {
            Tok = token,
            Args = args,
            Provider = providerRef ?? "",
            Version = options?.Version ?? "",
            // As the official SDK: from PULUMI_DISABLE_RESOURCE_REFERENCES, not from the monitor's answer.
            AcceptResources = !ResourceReferencesDisabled,
            PluginDownloadURL = options?.PluginDownloadURL ?? "",
        };

        var response = await Monitor.InvokeAsync(request).ConfigureAwait(false);
        if (response.Failures.Count > 0)
        {
            var reasons = string.Join("; ", response.Failures.Select(f => $"{f.Reason} ({f.Property})"));
            throw new InvalidOperationException($"Invoke of '{token}' failed: {reasons}");
        }
        return response.Return ?? new Struct();
    }

    private static Value SingleValue(string token, Struct result)
    {
        if (result.Fields.Count != 1)
        {
            throw new InvalidOperationException($"Expected a single result value from invoke '{token}', got {result.Fields.Count}.");
        }
        return result.Fields.Values.First();
    }

    private static OutputData<T> ConvertResult<T>(string token, Value value, ImmutableHashSet<Resource> dependencies)
    {
        var data = Converter.ConvertValue(message => Log.Warn(message), $"{token} result", value, typeof(T), dependencies);
        return new OutputData<T>(data.Resources, data.Value is null ? default! : (T)data.Value, data.IsKnown, data.IsSecret);
    }
}
