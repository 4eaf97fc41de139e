namespace Pulumi;

/// <summary>
/// A callback that may rewrite the args and options of a resource (and of every resource below the one whose
/// options list it) before it is registered. Returning null leaves the resource unchanged.
/// </summary>
public delegate ResourceTransformationResult? ResourceTransformation(ResourceTransformationArgs args);

/// <summary>What a transformation sees: the resource being constructed, its args and its options.</summary>
public readonly struct ResourceTransformationArgs
{
    public Resource Resource { get; }
    public ResourceArgs Args { get; }
    public ResourceOptions Options { get; }

    public ResourceTransformationArgs(Resource resource, ResourceArgs args, ResourceOptions options)
    {
        Resource = resource;
        Args = args;
        Options = options;
    }
}

/// <summary>The replacement args and options a transformation returns.</summary>
public readonly struct ResourceTransformationResult
{
    public ResourceArgs Args { get; }
    public ResourceOptions Options { get; }

    public ResourceTransformationResult(ResourceArgs args, ResourceOptions options)
    {
        Args = args;
        Options = options;
    }
}
