using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Pulumi.Serialization;

namespace Pulumi;

/// <summary>
/// Base of every resource. Construction is synchronous: the constructor works out parent and
/// provider inheritance, wires every [Output] property to a completion source, and hands the registration to
/// the current deployment, which completes those outputs asynchronously.
/// </summary>
[DynamicallyAccessedMembers(ReflectedMembers)]
public class Resource
{
    /// <summary>
    /// What the SDK reflects over on a resource or stack class ([Output] properties, their backing fields): trimming
    /// (Native AOT) keeps these members of every class derived from Resource.
    /// </summary>
    internal const DynamicallyAccessedMemberTypes ReflectedMembers =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.NonPublicFields;

    private readonly string _type;
    private readonly string _name;

    /// <summary>
    /// Children of this resource. Depending on a component means depending on all its custom descendants,
    /// which are found through this set.
    /// </summary>
    internal HashSet<Resource> ChildResources { get; } = new();

    [Output(Constants.UrnPropertyName)]
    public Output<string> Urn { get; private protected set; } = null!;

    /// <summary>The completion source of each [Output] property, keyed by wire name.</summary>
    internal ImmutableDictionary<string, IOutputCompletionSource> CompletionSources { get; }

    /// <summary>Effective protect flag: set explicitly, or copied from the explicit parent (what children inherit).</summary>
    internal bool Protect { get; }

    /// <summary>Providers (by package) that children inherit.</summary>
    internal ImmutableDictionary<string, ProviderResource> Providers { get; } = ImmutableDictionary<string, ProviderResource>.Empty;

    /// <summary>The explicit or inherited provider of a custom resource.</summary>
    internal ProviderResource? Provider { get; }

    /// <summary>The parent the resource was registered under (null = the stack, or the stack itself).</summary>
    internal Resource? Parent { get; }

    internal bool Remote { get; }

    /// <summary>The Version option the resource was created with: a method call on it (Call) sends it, as officially.</summary>
    internal string? OptionVersion { get; }

    /// <summary>The PluginDownloadURL option the resource was created with (sent by a Call on it).</summary>
    internal string? OptionPluginDownloadUrl { get; }

    /// <summary>This resource's transformations followed by its ancestors' (children inherit them all).</summary>
    internal ImmutableArray<ResourceTransformation> Transformations { get; } = ImmutableArray<ResourceTransformation>.Empty;

    public string GetResourceType() => _type;

    public string GetResourceName() => _name;

    private protected Resource(
        string type, string name, bool custom,
        ResourceArgs args, ResourceOptions options,
        bool remote = false, bool dependency = false)
    {
        if (dependency)
        {
            // Synthetic resources (resource references, dependency URNs) are never registered.
            _type = "";
            _name = "";
            CompletionSources = ImmutableDictionary<string, IOutputCompletionSource>.Empty;
            return;
        }

        if (string.IsNullOrEmpty(type))
            throw new ArgumentException("'type' cannot be null or empty.", nameof(type));
        if (string.IsNullOrEmpty(name))
            throw new ArgumentException("'name' cannot be null or empty.", nameof(name));

        _type = type;
        _name = name;
        Remote = remote;

        // Outputs must exist before `this` becomes visible to other threads through the parent's children.
        CompletionSources = OutputCompletionSource.InitializeOutputs(this);

        try
        {
            var deployment = Deployment.InternalInstance;

            // Transformations first, as the official SDK does: they see the args and options the caller gave
            // (the effective parent being the stack when none is set) and may replace both, but not the parent.
            var transformParent = type == Constants.RootStackType ? null : options.Parent ?? deployment.Stack;
            Transformations = options.ResourceTransformations
                .Concat(transformParent?.Transformations ?? ImmutableArray<ResourceTransformation>.Empty)
                .ToImmutableArray();
            foreach (var transformation in Transformations)
            {
                var result = transformation(new ResourceTransformationArgs(this, args, options));
                if (result is { } changed)
                {
                    if (changed.Options.Parent != options.Parent)
                    {
                        throw new ArgumentException("Transformations cannot currently be used to change the 'parent' of a resource.");
                    }
                    args = changed.Args;
                    options = changed.Options;
                }
            }

            // Work on a copy: the caller's options object may be shared between resources.
            options = options.Clone();
            var componentOptions = options as ComponentResourceOptions;

            if (options.Provider != null && componentOptions?.Providers.Count > 0)
            {
                throw new ResourceException("Do not supply both 'provider' and 'providers' options to a ComponentResource.", options.Parent);
            }

            var providers = ImmutableDictionary<string, ProviderResource>.Empty;
            if (options.Parent is { } parent)
            {
                lock (parent.ChildResources)
                {
                    parent.ChildResources.Add(this);
                }
                // Unset protect is copied from the explicit parent, as the official SDK does: a child of a component
                // is sent protect true or false, never unset (older engines do not inherit it themselves).
                options.Protect ??= parent.Protect;
                providers = parent.Providers;
            }

            if (custom)
            {
                if (options.Provider is null)
                {
                    // No explicit provider: inherit the parent's provider for this resource's package.
                    if (options.Parent != null)
                    {
                        options.Provider = options.Parent.GetProvider(type);
                    }
                }
                else
                {
                    // An explicit provider is also what this resource's children inherit for the package.
                    var parts = type.Split(':');
                    if (parts.Length == 3)
                    {
                        providers = providers.SetItem(parts[0], options.Provider);
                    }
                }
            }
            else
            {
                var list = options.Provider != null
                    ? new List<ProviderResource> { options.Provider }
                    : componentOptions?.Providers ?? new List<ProviderResource>();
                foreach (var provider in list)
                {
                    providers = providers.SetItem(provider.Package, provider);
                }
            }

            Providers = providers;
            Protect = options.Protect == true;
            Provider = custom ? options.Provider : null;
            Parent = options.Parent;
            OptionVersion = options.Version;
            OptionPluginDownloadUrl = options.PluginDownloadURL;

            deployment.ReadOrRegisterResource(this, remote, args, options);
        }
        catch (Exception exception)
        {
            // The outputs exist already and the deployment waits for them: fail them so nothing hangs.
            foreach (var source in CompletionSources.Values)
            {
                source.TrySetException(exception);
            }
            throw;
        }
    }

    /// <summary>The inherited provider for a three-part type token's package, if any.</summary>
    internal ProviderResource? GetProvider(string moduleMember)
    {
        var parts = moduleMember.Split(':');
        if (parts.Length != 3)
        {
            return null;
        }
        Providers.TryGetValue(parts[0], out var provider);
        return provider;
    }
}
