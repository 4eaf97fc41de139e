using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Pulumi.Serialization;
using Pulumirpc;

namespace Pulumi;

// Resource methods (e.g. Provider.TerraformConfig()), sent as the official SDK sends them (Deployment_Call.cs):
// the target resource is the "__self__" argument and supplies provider, version and plugin URL; resources are
// always kept as references; outputs travel as output values when the monitor supports them, so the call is made
// even with unknown arguments (the provider decides); each argument's dependencies go in argDependencies. The
// result's known/secret flags and dependencies come from the response alone.
public sealed partial class Deployment
{
    internal const string SelfArgument = "__self__";

    internal Output<T> Call<T>(string token, CallArgs args, Resource? self, CallOptions? options)
        => new(CallAsync<T>(token, args, self, options, convertResult: true));

    /// <summary>The void form: the result is not converted, and the output is known and empty.</summary>
    internal void Call(string token, CallArgs args, Resource? self, CallOptions? options)
        => _ = new Output<object>(CallAsync<object>(token, args, self, options, convertResult: false));

    private async Task<OutputData<T>> CallAsync<T>(string token, CallArgs args, Resource? self, CallOptions? options, bool convertResult)
    {
        var (result, dependencies) = await CallRawAsync(token, args, self, options).ConfigureAwait(false);
        if (!convertResult)
        {
            return new OutputData<T>(ImmutableHashSet<Resource>.Empty, default!, true, false);
        }
        var data = Converter.ConvertValue(message => Log.Warn(message, self), $"{token} result", Value.ForStruct(result), typeof(T), ImmutableHashSet<Resource>.Empty);
        return new OutputData<T>(dependencies, data.Value is null ? default! : (T)data.Value, data.IsKnown, data.IsSecret);
    }

    private async Task<(Struct Return, ImmutableHashSet<Resource> Dependencies)> CallRawAsync(string token, CallArgs args, Resource? self, CallOptions? options)
    {
        var arguments = (args ?? CallArgs.Empty).ToDictionary();
        if (self is not null)
        {
            arguments = arguments.SetItem(SelfArgument, self);
        }

        var keepOutputValues = await MonitorSupportsFeatureAsync("outputValues").ConfigureAwait(false);
        var (serialized, argumentDependencies) = await PropertySerializer.SerializePropertiesAsync(
            $"call:{token}", arguments, keepResources: true, _ => true, keepOutputValues).ConfigureAwait(false);

        // A method of a resource goes to that resource's provider with its version; a plain call to the options'.
        var provider = self is not null ? self.Provider : options?.Provider ?? options?.Parent?.GetProvider(token);
        var request = new ResourceCallRequest
        {
            Tok = token,
            Provider = await ProviderResource.RegisterAsync(provider).ConfigureAwait(false) ?? "",
            Version = (self is not null ? self.OptionVersion : options?.Version) ?? "",
            PluginDownloadURL = (self is not null ? self.OptionPluginDownloadUrl : options?.PluginDownloadURL) ?? "",
            Args = serialized,
        };
        foreach (var (argument, resources) in argumentDependencies)
        {
            var urns = new ResourceCallRequest.Types.ArgumentDependencies();
            urns.Urns.AddRange((await GetTransitiveUrnsAsync(resources).ConfigureAwait(false)).OrderBy(u => u, StringComparer.Ordinal));
            request.ArgDependencies[argument] = urns;
        }

        var response = await Monitor.CallAsync(request).ConfigureAwait(false);
        if (response.Failures.Count > 0)
        {
            var reasons = string.Join("; ", response.Failures.Select(f => $"{f.Reason} ({f.Property})"));
            throw new InvalidOperationException($"Call of '{token}' failed: {reasons}");
        }

        var dependencies = response.ReturnDependencies.Values
            .SelectMany(d => d.Urns)
            .Select(urn => (Resource)new DependencyResource(urn))
            .ToImmutableHashSet();
        return (response.Return ?? new Struct(), dependencies);
    }
}
