namespace Pulumi;

/// <summary>A resource whose lifecycle is managed by a provider plugin; it has a provider-assigned ID.</summary>
public class CustomResource : Resource
{
    [Output(Constants.IdPropertyName)]
    public Output<string> Id { get; private protected set; } = null!;

    public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
        : base(type, name, custom: true, args ?? ResourceArgs.Empty, options ?? new CustomResourceOptions())
    {
    }

    public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null, RegisterPackageRequest? registerPackageRequest = null)
        : base(type, name, custom: true, args ?? ResourceArgs.Empty, options ?? new CustomResourceOptions())
    {
        // Parameterized packages are not supported by this subset; no RegisterPackageRequest can be built here.
    }

    /// <summary>Used by synthetic dependency resources, which are never registered.</summary>
    private protected CustomResource(bool dependency)
        : base("", "", custom: true, ResourceArgs.Empty, new CustomResourceOptions(), dependency: dependency)
    {
    }
}
