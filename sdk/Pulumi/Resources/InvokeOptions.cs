namespace Pulumi;

/// <summary>Options for a provider function (invoke).</summary>
public class InvokeOptions
{
    /// <summary>Parent whose provider the invoke inherits when <see cref="Provider"/> is not set.</summary>
    public Resource? Parent { get; set; }

    public ProviderResource? Provider { get; set; }

    public string? Version { get; set; }

    public string? PluginDownloadURL { get; set; }
}

/// <summary>Options for the output form of an invoke, which may also wait on resources.</summary>
public class InvokeOutputOptions : InvokeOptions
{
    private InputList<Resource>? _dependsOn;

    public InputList<Resource> DependsOn
    {
        get => _dependsOn ??= new InputList<Resource>();
        set => _dependsOn = value;
    }
}

/// <summary>Options for a resource method call.</summary>
public class CallOptions
{
    public Resource? Parent { get; set; }

    public ProviderResource? Provider { get; set; }

    public string? Version { get; set; }

    public string? PluginDownloadURL { get; set; }
}
