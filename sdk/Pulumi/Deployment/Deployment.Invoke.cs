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
        var serializer = new Serializer();
        var serialized = await serializer.SerializeAsync($"invoke:{token}", args.ToDictionary(), keepResources).ConfigureAwait(false);
        var dependencies = serializer.DependentResources.ToImmutableHashSet();

        if (options is InvokeOutputOptions { } outputOptions)
        {
            var dependsOn = await GatherDependsOnAsync(outputOptions.DependsOn).ConfigureAwait(false);
            dependencies = dependencies.Union(dependsOn);
            // Wait for the resources to be registered; an unknown ID means the result cannot be known yet.
            foreach (var resource in dependsOn)
            {
                await resource.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
                if (resource is CustomResource custom && !(await custom.Id.DataTask.ConfigureAwait(false)).IsKnown)
                {
                    return new OutputData<T>(dependencies, default!, false, serializer.ContainsSecrets);
                }
            }
        }

        if (serializer.ContainsUnknowns)
        {
            return new OutputData<T>(dependencies, default!, false, serializer.ContainsSecrets);
        }

        var argsStruct = Serializer.CreateStruct((IDictionary<string, object?>)serialized!);
        var result = await InvokeStructAsync(token, argsStruct, options).ConfigureAwait(false);
        var converted = ConvertResult<T>(token, single ? SingleValue(token, result) : Value.ForStruct(result), dependencies);
        return converted with { IsSecret = converted.IsSecret || serializer.ContainsSecrets };
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
