using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Pulumi.Serialization;
using Pulumirpc;

namespace Pulumi;

// Resource registration: serialize the args, wait for parent/provider/dependencies, send
// RegisterResource/ReadResource (or the getResource invoke for URN rehydration), then complete the
// resource's [Output] properties from the response.
public sealed partial class Deployment
{
    /// <summary>The response of any of the three registration paths, normalized.</summary>
    private sealed record RegistrationResult(
        string Urn,
        string Id,
        Struct Data,
        ImmutableDictionary<string, ImmutableHashSet<Resource>> Dependencies,
        Result Result);

    /// <summary>What the request builders need after inputs and references resolved.</summary>
    private sealed record PreparedResource(
        Struct SerializedProps,
        string ParentUrn,
        string ProviderRef,
        ImmutableHashSet<string> AllDirectDependencyUrns,
        ImmutableDictionary<string, ImmutableHashSet<string>> PropertyDependencyUrns);

    void IDeploymentInternal.ReadOrRegisterResource(Resource resource, bool remote, ResourceArgs args, ResourceOptions options)
        => ReadOrRegisterResource(resource, remote, args, options);

    internal void ReadOrRegisterResource(Resource resource, bool remote, ResourceArgs args, ResourceOptions options)
        => Runner.RegisterTask(CompleteResourceAsync(resource, remote, args, options),
            $"register {resource.GetResourceType()}::{resource.GetResourceName()}");

    private async Task CompleteResourceAsync(Resource resource, bool remote, ResourceArgs args, ResourceOptions options)
    {
        // Called from the base constructor: yield so the derived constructor finishes before we proceed.
        await Task.Yield();

        var sources = resource.CompletionSources;
        var keepUnknowns = false;
        try
        {
            var response = await ReadOrRegisterResourceAsync(resource, remote, args, options).ConfigureAwait(false);

            if (sources.TryGetValue(Constants.UrnPropertyName, out var urnSource))
            {
                urnSource.SetStringValue(response.Urn, isKnown: true);
            }
            if (resource is CustomResource && sources.TryGetValue(Constants.IdPropertyName, out var idSource))
            {
                // An empty ID (preview, or a mock that returned none) is unknown.
                var id = response.Id ?? "";
                idSource.SetStringValue(id, isKnown: id.Length > 0);
            }

            foreach (var (fieldName, source) in sources)
            {
                if (fieldName is Constants.UrnPropertyName or Constants.IdPropertyName)
                {
                    continue;
                }
                if (response.Data.Fields.TryGetValue(fieldName, out var value))
                {
                    var dependencies = response.Dependencies.TryGetValue(fieldName, out var deps) ? deps : ImmutableHashSet<Resource>.Empty;
                    // Each field is converted on its own so known/secret flags do not leak between fields.
                    var converted = Converter.ConvertValue(
                        message => Log.Warn(message, resource),
                        $"{resource.GetType().FullName}.{fieldName}",
                        value, source.TargetType, dependencies);
                    source.SetValue(converted);
                }
            }

            keepUnknowns = response.Result != Result.Success;
        }
        catch (Exception exception)
        {
            // Fail every unresolved output with the error so nothing waits forever on them.
            foreach (var source in sources.Values)
            {
                source.TrySetException(exception);
            }
            throw;
        }
        finally
        {
            // Fields absent from the response: unknown in preview (or when the step did not succeed),
            // known default values in an update.
            foreach (var source in sources.Values)
            {
                source.TrySetDefaultResult(isKnown: !IsDryRun && !keepUnknowns);
            }
        }
    }

    private async Task<RegistrationResult> ReadOrRegisterResourceAsync(Resource resource, bool remote, ResourceArgs args, ResourceOptions options)
    {
        if (options.Urn is { } existingUrn)
        {
            // Rehydrate an existing resource: the engine returns its registered state.
            var state = await InvokeRawAsync(Constants.GetResourceToken,
                new Dictionary<string, object?> { ["urn"] = existingUrn }, new InvokeOptions()).ConfigureAwait(false);
            return new RegistrationResult(
                state.Fields["urn"].StringValue,
                state.Fields.TryGetValue("id", out var idValue) ? idValue.StringValue : "",
                state.Fields.TryGetValue("state", out var stateValue) ? stateValue.StructValue : new Struct(),
                ImmutableDictionary<string, ImmutableHashSet<Resource>>.Empty,
                Result.Success);
        }

        if (options.Id is { } idInput)
        {
            var id = await idInput.ToOutput().GetValueAsync(whenUnknown: "").ConfigureAwait(false);
            if (!string.IsNullOrEmpty(id))
            {
                if (resource is not CustomResource)
                {
                    throw new ArgumentException($"{nameof(ResourceOptions)}.{nameof(ResourceOptions.Id)} is only valid for a {nameof(CustomResource)}");
                }
                return await ReadResourceAsync(resource, id, args, options).ConfigureAwait(false);
            }
        }

        return await RegisterResourceAsync(resource, remote, args, options).ConfigureAwait(false);
    }

    private async Task<RegistrationResult> RegisterResourceAsync(Resource resource, bool remote, ResourceArgs args, ResourceOptions options)
    {
        var custom = resource is CustomResource;
        // As officially: an engine that does not know the option must not silently drop it.
        if (options.DeletedWith is not null && !await MonitorSupportsFeatureAsync("deletedWith").ConfigureAwait(false))
        {
            throw new InvalidOperationException("The Pulumi CLI does not support the DeletedWith option. Please update the Pulumi CLI.");
        }
        var prepared = await PrepareResourceAsync(resource, custom, args, options).ConfigureAwait(false);
        var customOptions = options as CustomResourceOptions;

        var request = new RegisterResourceRequest
        {
            Type = resource.GetResourceType(),
            Name = resource.GetResourceName(),
            Parent = prepared.ParentUrn,
            Custom = custom,
            Object = prepared.SerializedProps,
            Provider = prepared.ProviderRef,
            Version = options.Version ?? "",
            AcceptSecrets = true,
            AcceptResources = !ResourceReferencesDisabled,
            ImportId = customOptions?.ImportId ?? "",
            DeleteBeforeReplace = customOptions?.DeleteBeforeReplace ?? false,
            DeleteBeforeReplaceDefined = customOptions?.DeleteBeforeReplace != null,
            // Unset (not four empty strings) when the program sets none, as the official SDK sends it.
            CustomTimeouts = options.CustomTimeouts?.Serialize(),
            Remote = remote,
            PluginDownloadURL = options.PluginDownloadURL ?? "",
            // supportsPartialValues stays unset, as in the official SDK 3.112.1: the engine then leaves out of its
            // preview answers every output that contains an unknown, and such outputs resolve as unknown here.
            SupportsResultReporting = true,
            // An empty binding (no hooks), present on every registration as the official SDK sends it.
            Hooks = new RegisterResourceRequest.Types.ResourceHooksBinding(),
        };
        // Set by the program, or copied from an explicit parent by the Resource constructor (as the official SDK).
        if (options.Protect is { } protect)
        {
            request.Protect = protect;
        }
        if (options.RetainOnDelete is { } retain)
        {
            request.RetainOnDelete = retain;
        }
        if (options.DeletedWith is { } deletedWith)
        {
            request.DeletedWith = await deletedWith.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
        }
        if (customOptions is not null)
        {
            // Both only for custom resources, as the official SDK sends them.
            request.AdditionalSecretOutputs.AddRange(customOptions.AdditionalSecretOutputs);
            request.ReplaceOnChanges.AddRange(customOptions.ReplaceOnChanges);
        }
        request.IgnoreChanges.AddRange(options.IgnoreChanges);
        request.Dependencies.AddRange(prepared.AllDirectDependencyUrns.OrderBy(u => u, StringComparer.Ordinal));
        foreach (var (property, urns) in prepared.PropertyDependencyUrns)
        {
            var dependencies = new RegisterResourceRequest.Types.PropertyDependencies();
            dependencies.Urns.AddRange(urns.OrderBy(u => u, StringComparer.Ordinal));
            request.PropertyDependencies[property] = dependencies;
        }
        // The official SDK asks on every registration whether the engine takes alias specs (else it would send alias
        // URNs computed here). Kept difference: this subset sends specs only and refuses aliases on an engine without them.
        if (!await MonitorSupportsFeatureAsync("aliasSpecs").ConfigureAwait(false) && options.Aliases.Count > 0)
        {
            throw new InvalidOperationException("The Pulumi CLI does not support alias specs. Please update the Pulumi CLI.");
        }
        request.Aliases.AddRange(await AliasSerializer.SerializeAsync(options.Aliases).ConfigureAwait(false));

        var response = await Monitor.RegisterResourceAsync(resource, request).ConfigureAwait(false);

        var outputDependencies = ImmutableDictionary.CreateBuilder<string, ImmutableHashSet<Resource>>();
        foreach (var (property, dependencies) in response.PropertyDependencies)
        {
            outputDependencies[property] = dependencies.Urns.Select(urn => (Resource)new DependencyResource(urn)).ToImmutableHashSet();
        }
        return new RegistrationResult(response.Urn, response.Id, response.Object ?? new Struct(), outputDependencies.ToImmutable(), response.Result);
    }

    private async Task<RegistrationResult> ReadResourceAsync(Resource resource, string id, ResourceArgs args, ResourceOptions options)
    {
        var prepared = await PrepareResourceAsync(resource, custom: true, args, options).ConfigureAwait(false);
        var request = new ReadResourceRequest
        {
            Id = id,
            Type = resource.GetResourceType(),
            Name = resource.GetResourceName(),
            Parent = prepared.ParentUrn,
            Provider = prepared.ProviderRef,
            Properties = prepared.SerializedProps,
            Version = options.Version ?? "",
            AcceptSecrets = true,
            AcceptResources = !ResourceReferencesDisabled,
            // No pluginDownloadURL: the official SDK does not send it in reads.
        };
        request.Dependencies.AddRange(prepared.AllDirectDependencyUrns.OrderBy(u => u, StringComparer.Ordinal));
        if (options is CustomResourceOptions customOptions)
        {
            // Deliberate difference: the official SDK leaves these out of reads, so a read resource's schema-secret
            // outputs (a RandomPassword's result) would be stored in plain text unless the provider marks them.
            request.AdditionalSecretOutputs.AddRange(customOptions.AdditionalSecretOutputs);
        }

        var response = await Monitor.ReadResourceAsync(resource, request).ConfigureAwait(false);
        return new RegistrationResult(response.Urn, id, response.Properties ?? new Struct(),
            ImmutableDictionary<string, ImmutableHashSet<Resource>>.Empty, Result.Success);
    }

    /// <summary>
    /// Serializes the inputs (recording which resources each property depends on) and resolves the parent
    /// URN, the provider reference and the dependency URNs.
    /// </summary>
    private async Task<PreparedResource> PrepareResourceAsync(Resource resource, bool custom, ResourceArgs args, ResourceOptions options)
    {
        var label = $"resource:{resource.GetResourceName()}[{resource.GetResourceType()}]";
        var keepResources = await MonitorSupportsResourceReferencesAsync().ConfigureAwait(false);

        var (serialized, propertyDependencies) = await PropertySerializer.SerializePropertiesAsync(
            label, args.ToDictionary(), keepResources, key => key is not (Constants.IdPropertyName or Constants.UrnPropertyName)).ConfigureAwait(false);

        string parentUrn;
        if (options.Parent is { } parent)
        {
            parentUrn = await parent.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
        }
        else if (resource.GetResourceType() == Constants.RootStackType)
        {
            parentUrn = "";
        }
        else
        {
            var stack = Stack ?? throw new InvalidOperationException("Calling GetRootResourceAsync before the stack was registered!");
            parentUrn = await stack.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
        }

        var providerRef = custom
            ? await ProviderResource.RegisterAsync(resource.Provider).ConfigureAwait(false) ?? ""
            : "";

        var explicitDependencies = await GatherDependsOnAsync(options.DependsOn).ConfigureAwait(false);
        var allUrns = (await GetTransitiveUrnsAsync(explicitDependencies).ConfigureAwait(false)).ToBuilder();
        var propertyUrns = ImmutableDictionary.CreateBuilder<string, ImmutableHashSet<string>>();
        foreach (var (property, resources) in propertyDependencies)
        {
            var urns = await GetTransitiveUrnsAsync(resources).ConfigureAwait(false);
            allUrns.UnionWith(urns);
            propertyUrns[property] = urns;
        }

        return new PreparedResource(serialized, parentUrn, providerRef, allUrns.ToImmutable(), propertyUrns.ToImmutable());
    }

    /// <summary>PULUMI_DISABLE_RESOURCE_REFERENCES=1/true makes the engine return IDs instead of references.</summary>
    internal static bool ResourceReferencesDisabled
        => Environment.GetEnvironmentVariable("PULUMI_DISABLE_RESOURCE_REFERENCES") is { } v
           && (v == "1" || string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The resources listed in DependsOn, as the official SDK gathers them: only the listed values (none while they
    /// are unknown), not the resources an output producing them happens to depend on.
    /// </summary>
    private static async Task<ImmutableHashSet<Resource>> GatherDependsOnAsync(InputList<Resource> dependsOn)
    {
        var listed = await dependsOn.ToOutput().GetValueAsync(whenUnknown: ImmutableArray<Resource>.Empty).ConfigureAwait(false);
        return listed.IsDefault ? ImmutableHashSet<Resource>.Empty : listed.Where(r => r is not null).ToImmutableHashSet();
    }

    /// <summary>
    /// URNs of the given resources, where a (local) component stands for all its custom descendants; empty
    /// (unknown) URNs are dropped since the engine rejects them.
    /// </summary>
    internal static async Task<ImmutableHashSet<string>> GetTransitiveUrnsAsync(IEnumerable<Resource> resources)
    {
        var reachable = new HashSet<Resource>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<Resource>(resources);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (!reachable.Add(current))
            {
                continue;
            }
            if (current is ComponentResource { Remote: false })
            {
                Resource[] children;
                lock (current.ChildResources)
                {
                    children = current.ChildResources.ToArray();
                }
                foreach (var child in children)
                {
                    queue.Enqueue(child);
                }
            }
        }

        var targets = reachable.Where(r => r is CustomResource || r is ComponentResource { Remote: true });
        var urns = await Task.WhenAll(targets.Select(r => r.Urn.GetValueAsync(whenUnknown: ""))).ConfigureAwait(false);
        return urns.Where(u => !string.IsNullOrEmpty(u)).ToImmutableHashSet();
    }

    void IDeploymentInternal.RegisterResourceOutputs(Resource resource, Output<IDictionary<string, object?>> outputs)
        => Runner.RegisterTask(RegisterResourceOutputsAsync(resource, outputs), $"outputs {resource.GetResourceName()}");

    private async Task RegisterResourceOutputsAsync(Resource resource, Output<IDictionary<string, object?>> outputs)
    {
        var urn = await resource.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
        var values = await outputs.GetValueAsync(whenUnknown: null!).ConfigureAwait(false);
        var keepResources = await MonitorSupportsResourceReferencesAsync().ConfigureAwait(false);
        var (serialized, _) = await PropertySerializer.SerializePropertiesAsync(
            $"outputs:{resource.GetResourceName()}", values ?? ComponentResource.EmptyOutputs, keepResources, _ => true).ConfigureAwait(false);
        await Monitor.RegisterResourceOutputsAsync(new RegisterResourceOutputsRequest { Urn = urn, Outputs = serialized }).ConfigureAwait(false);
    }
}
