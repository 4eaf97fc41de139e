using Pulumi;

namespace Enclave.Tests.Support;

/// <summary>A resource as the program declared it (seen through <see cref="ResourceObserver"/>): args and options.</summary>
public sealed record Observed(Resource Resource, ResourceArgs Args, ResourceOptions Options)
{
    public string Type => Resource.GetResourceType();
    public string Name => Resource.GetResourceName();
    public override string ToString() => $"{Type}::{Name}";
}
