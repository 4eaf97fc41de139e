namespace Pulumi;

/// <summary>
/// Options that control a resource's registration. Only the SDK's two sealed subclasses exist
/// (<see cref="CustomResourceOptions"/>, <see cref="ComponentResourceOptions"/>); list properties are created
/// lazily so their getters never return null.
/// </summary>
public abstract class ResourceOptions
{
    private InputList<Resource>? _dependsOn;
    private List<string>? _ignoreChanges;
    private List<Input<Alias>>? _aliases;
    private List<string>? _replaceOnChanges;
    private List<ResourceTransformation>? _resourceTransformations;

    /// <summary>An existing resource's provider ID: the resource is read instead of created.</summary>
    public Input<string>? Id { get; set; }

    public Resource? Parent { get; set; }

    public InputList<Resource> DependsOn
    {
        get => _dependsOn ??= new InputList<Resource>();
        set => _dependsOn = value;
    }

    public bool? Protect { get; set; }

    public List<string> IgnoreChanges
    {
        get => _ignoreChanges ??= new List<string>();
        set => _ignoreChanges = value;
    }

    public string? Version { get; set; }

    public ProviderResource? Provider { get; set; }

    public CustomTimeouts? CustomTimeouts { get; set; }

    public List<Input<Alias>> Aliases
    {
        get => _aliases ??= new List<Input<Alias>>();
        set => _aliases = value;
    }

    /// <summary>The URN of an existing resource to rehydrate instead of registering one.</summary>
    public string? Urn { get; set; }

    public List<string> ReplaceOnChanges
    {
        get => _replaceOnChanges ??= new List<string>();
        set => _replaceOnChanges = value;
    }

    public string? PluginDownloadURL { get; set; }

    public bool? RetainOnDelete { get; set; }

    public Resource? DeletedWith { get; set; }

    /// <summary>
    /// Callbacks run in the constructor of this resource and of every descendant, in order, before
    /// registration; each may replace the args and options (but not the parent).
    /// </summary>
    public List<ResourceTransformation> ResourceTransformations
    {
        get => _resourceTransformations ??= new List<ResourceTransformation>();
        set => _resourceTransformations = value;
    }

    internal abstract ResourceOptions Clone();

    /// <summary>Copies the shared options into <paramref name="target"/> (lists are copied, not shared).</summary>
    private protected void CopyTo(ResourceOptions target)
    {
        target.Id = Id;
        target.Parent = Parent;
        target.DependsOn = DependsOn.Clone();
        target.Protect = Protect;
        target.IgnoreChanges = IgnoreChanges.ToList();
        target.Version = Version;
        target.Provider = Provider;
        target.CustomTimeouts = CustomTimeouts?.Clone();
        target.Aliases = Aliases.ToList();
        target.Urn = Urn;
        target.ReplaceOnChanges = ReplaceOnChanges.ToList();
        target.PluginDownloadURL = PluginDownloadURL;
        target.RetainOnDelete = RetainOnDelete;
        target.DeletedWith = DeletedWith;
        target.ResourceTransformations = ResourceTransformations.ToList();
    }

    /// <summary>Merge rule shared by both option kinds: scalars of the second win when set, lists concatenate.</summary>
    private protected static void MergeShared(ResourceOptions into, ResourceOptions from)
    {
        into.Id = from.Id ?? into.Id;
        into.Parent = from.Parent ?? into.Parent;
        into.Protect = from.Protect ?? into.Protect;
        into.Urn = from.Urn ?? into.Urn;
        into.Version = from.Version ?? into.Version;
        into.PluginDownloadURL = from.PluginDownloadURL ?? into.PluginDownloadURL;
        into.Provider = from.Provider ?? into.Provider;
        into.CustomTimeouts = from.CustomTimeouts ?? into.CustomTimeouts;
        into.RetainOnDelete = from.RetainOnDelete ?? into.RetainOnDelete;
        into.DeletedWith = from.DeletedWith ?? into.DeletedWith;
        into.IgnoreChanges.AddRange(from.IgnoreChanges);
        into.Aliases.AddRange(from.Aliases);
        into.ReplaceOnChanges.AddRange(from.ReplaceOnChanges);
        into.ResourceTransformations.AddRange(from.ResourceTransformations);
        into.DependsOn = into.DependsOn.Concat(from.DependsOn);
    }
}

/// <summary>Options for custom (provider-managed) resources.</summary>
public sealed class CustomResourceOptions : ResourceOptions
{
    private List<string>? _additionalSecretOutputs;

    public bool? DeleteBeforeReplace { get; set; }

    /// <summary>Output names the engine must treat as secret (generated SDKs list schema-secret outputs here).</summary>
    public List<string> AdditionalSecretOutputs
    {
        get => _additionalSecretOutputs ??= new List<string>();
        set => _additionalSecretOutputs = value;
    }

    public string? ImportId { get; set; }

    internal override ResourceOptions Clone() => CloneCustom();

    internal CustomResourceOptions CloneCustom()
    {
        var clone = new CustomResourceOptions
        {
            DeleteBeforeReplace = DeleteBeforeReplace,
            AdditionalSecretOutputs = AdditionalSecretOutputs.ToList(),
            ImportId = ImportId,
        };
        CopyTo(clone);
        return clone;
    }

    /// <summary>
    /// A new options object combining both (neither input is modified): scalars of <paramref name="options2"/>
    /// win when set, lists are concatenated.
    /// </summary>
    public static CustomResourceOptions Merge(CustomResourceOptions? options1, CustomResourceOptions? options2)
    {
        var result = options1?.CloneCustom() ?? new CustomResourceOptions();
        if (options2 is null)
        {
            return result;
        }
        var other = options2.CloneCustom();
        MergeShared(result, other);
        result.DeleteBeforeReplace = other.DeleteBeforeReplace ?? result.DeleteBeforeReplace;
        result.ImportId = other.ImportId ?? result.ImportId;
        result.AdditionalSecretOutputs.AddRange(other.AdditionalSecretOutputs);
        return result;
    }
}

/// <summary>Options for component resources.</summary>
public sealed class ComponentResourceOptions : ResourceOptions
{
    private List<ProviderResource>? _providers;

    /// <summary>Providers for this component's children, one per package.</summary>
    public List<ProviderResource> Providers
    {
        get => _providers ??= new List<ProviderResource>();
        set => _providers = value;
    }

    internal override ResourceOptions Clone() => CloneComponent();

    internal ComponentResourceOptions CloneComponent()
    {
        var clone = new ComponentResourceOptions { Providers = Providers.ToList() };
        CopyTo(clone);
        return clone;
    }

    /// <summary>
    /// A new options object combining both, as the official SDK merges them: scalars of <paramref name="options2"/>
    /// win when set (<see cref="ResourceOptions.Provider"/> is one of them, kept apart from <see cref="Providers"/>),
    /// lists are concatenated, and <see cref="Providers"/> keeps one provider per package, the later one winning.
    /// </summary>
    public static ComponentResourceOptions Merge(ComponentResourceOptions? options1, ComponentResourceOptions? options2)
    {
        var result = options1?.CloneComponent() ?? new ComponentResourceOptions();
        var other = options2?.CloneComponent() ?? new ComponentResourceOptions();
        MergeShared(result, other);
        result.Providers = MergeProviders(result.Providers, other.Providers);
        return result;
    }

    /// <summary>
    /// One provider per package: the second list's before the first's, each walked from its end so the later one wins;
    /// the order of the official SDK, which keeps <c>Merge(options, null)</c> close to a copy.
    /// </summary>
    private static List<ProviderResource> MergeProviders(List<ProviderResource> first, List<ProviderResource> second)
    {
        var merged = new List<ProviderResource>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in new[] { second, first })
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (taken.Add(list[i].Package))
                {
                    merged.Add(list[i]);
                }
            }
        }
        merged.Reverse();
        return merged;
    }
}
