using System.Collections.Immutable;
using Pulumi;

namespace Enclave.Offline.Planning;

/// <summary>Where one resource sits: engine URN, parent, effective protect flag and provider, as the engine would see them.</summary>
internal sealed record Placement(
    ObservedResource Observed,
    string Urn,
    string QualifiedType,
    string? ParentUrn,
    bool Protect,
    ProviderResource? Provider,
    ImmutableDictionary<string, ProviderResource> Providers);

/// <summary>
/// The tree of observed resources with the SDK's inheritance rules applied: an unparented resource belongs to the
/// stack; protect and providers (per package) are inherited from the parent unless set.
/// </summary>
internal sealed class ResourceTopology
{
    private readonly Dictionary<Resource, Placement> _byResource = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Resource, List<Resource>> _children = new(ReferenceEqualityComparer.Instance);

    public ResourceTopology(string stack, string project, IReadOnlyList<ObservedResource> observed)
    {
        StackUrn = EngineUrns.Stack(stack, project);
        // The stack's own transformations also run for the stack itself; it is the root, not a node under itself.
        foreach (var o in observed.Where(o => o.Resource is not Stack))
        {
            var parent = o.Options.Parent is { } p && _byResource.TryGetValue(p, out var pp) ? pp : null;
            if (o.Options.Parent is { } parentResource && parent is null && parentResource is not Stack)
                throw new InvalidOperationException(
                    $"{o.Resource.GetResourceType()} '{o.Resource.GetResourceName()}' has a parent that was not observed; " +
                    "is the stack's ResourceObserver.Transformation installed?");
            var type = o.Resource.GetResourceType();
            var qualified = EngineUrns.QualifiedType(parent?.QualifiedType, type);
            var urn = EngineUrns.Create(stack, project, qualified, o.Resource.GetResourceName());
            var protect = o.Options.Protect ?? parent?.Protect ?? false;
            var inherited = parent?.Providers ?? ImmutableDictionary<string, ProviderResource>.Empty;

            ProviderResource? provider = null;
            var providers = inherited;
            if (o.Resource is CustomResource)
            {
                var package = Package(type);
                provider = o.Options.Provider ?? (package is null ? null : inherited.GetValueOrDefault(package));
                if (o.Options.Provider is { } explicitProvider && package is not null)
                    providers = providers.SetItem(package, explicitProvider);
            }
            else
            {
                if (o.Options.Provider is { } p1) providers = providers.SetItem(ProviderPackage(p1), p1);
                if (o.Options is ComponentResourceOptions { Providers: { } list })
                    foreach (var p2 in list) providers = providers.SetItem(ProviderPackage(p2), p2);
            }

            _byResource[o.Resource] = new Placement(o, urn, qualified, parent?.Urn ?? StackUrn, protect, provider, providers);
            if (parent is not null)
            {
                if (!_children.TryGetValue(parent.Observed.Resource, out var kids)) _children[parent.Observed.Resource] = kids = [];
                kids.Add(o.Resource);
            }
        }
    }

    public string StackUrn { get; }

    public IEnumerable<Placement> All => _byResource.Values;

    public Placement? Find(Resource resource) => _byResource.GetValueOrDefault(resource);

    /// <summary>URNs a dependency on <paramref name="resource"/> stands for: itself when custom, else its custom descendants.</summary>
    public IEnumerable<string> DependencyUrns(Resource resource)
    {
        if (Find(resource) is not { } placement) yield break;
        if (resource is CustomResource)
        {
            yield return placement.Urn;
            yield break;
        }
        foreach (var child in _children.GetValueOrDefault(resource) ?? [])
        foreach (var urn in DependencyUrns(child))
            yield return urn;
    }

    /// <summary>The package of a three-part type token (<c>oci</c> for <c>oci:Core/vcn:Vcn</c>).</summary>
    public static string? Package(string type)
    {
        var parts = type.Split(':');
        return parts.Length == 3 && parts[0] != "pulumi" ? parts[0] : null;
    }

    /// <summary>The package a provider serves (<c>pulumi:providers:oci</c> → <c>oci</c>).</summary>
    public static string ProviderPackage(ProviderResource provider) =>
        provider.GetResourceType().Split(':') is [_, _, var package] ? package : provider.GetResourceType();
}
