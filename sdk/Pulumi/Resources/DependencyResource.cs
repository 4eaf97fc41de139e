using System.Collections.Immutable;

namespace Pulumi;

/// <summary>
/// A stand-in for a resource known only by URN (and maybe ID): dependency URNs from the engine and resource
/// references whose class cannot be found. It is never registered.
/// </summary>
internal sealed class DependencyResource : CustomResource
{
    public DependencyResource(string urn, string? id = null) : base(dependency: true)
    {
        var self = ImmutableHashSet.Create<Resource>(this);
        Urn = Output<string>.FromData(new OutputData<string>(self, urn, true, false));
        Id = Output<string>.FromData(new OutputData<string>(self, id ?? "", !string.IsNullOrEmpty(id), false));
    }
}
