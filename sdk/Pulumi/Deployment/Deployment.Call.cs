using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Pulumi.Serialization;
using Pulumirpc;

namespace Pulumi;

// Resource methods (e.g. Provider.TerraformConfig()): like output-form invokes, with the target resource
// passed as the "__self__" argument and its provider used by default.
public sealed partial class Deployment
{
    internal Output<T> Call<T>(string token, CallArgs args, Resource? self, CallOptions? options)
        => new(CallAsync<T>(token, args, self, options));

    private async Task<OutputData<T>> CallAsync<T>(string token, CallArgs args, Resource? self, CallOptions? options)
    {
        var arguments = args.ToDictionary();
        if (self is not null)
        {
            arguments = arguments.SetItem("__self__", self);
        }

        var keepResources = await MonitorSupportsResourceReferencesAsync().ConfigureAwait(false);
        var serializer = new Serializer();
        var serialized = (IDictionary<string, object?>)(await serializer.SerializeAsync($"call:{token}", arguments, keepResources).ConfigureAwait(false))!;
        var dependencies = serializer.DependentResources.ToImmutableHashSet();
        if (serializer.ContainsUnknowns)
        {
            return new OutputData<T>(dependencies, default!, false, serializer.ContainsSecrets);
        }

        var provider = options?.Provider ?? (self as ProviderResource) ?? self?.Provider ?? options?.Parent?.GetProvider(token);
        var request = new ResourceCallRequest
        {
            Tok = token,
            Args = Serializer.CreateStruct(serialized),
            Provider = await ProviderResource.RegisterAsync(provider).ConfigureAwait(false) ?? "",
            Version = options?.Version ?? "",
            PluginDownloadURL = options?.PluginDownloadURL ?? "",
        };
        var response = await Monitor.CallAsync(request).ConfigureAwait(false);
        if (response.Failures.Count > 0)
        {
            var reasons = string.Join("; ", response.Failures.Select(f => $"{f.Reason} ({f.Property})"));
            throw new InvalidOperationException($"Call of '{token}' failed: {reasons}");
        }

        foreach (var (_, returned) in response.ReturnDependencies)
        {
            dependencies = dependencies.Union(returned.Urns.Select(urn => (Resource)new DependencyResource(urn)));
        }
        var converted = ConvertResult<T>(token, Value.ForStruct(response.Return ?? new Struct()), dependencies);
        return converted with { IsSecret = converted.IsSecret || serializer.ContainsSecrets };
    }
}
