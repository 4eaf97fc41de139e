using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Fills in each resource's region: the <c>region</c> input of its provider resource when that is known, else, for
/// a default provider (or no provider reference at all), the stack's <c>oci:region</c> config when the artifact
/// carries it. An explicit provider without a known region leaves the region unknown (null).
/// </summary>
public static class RegionResolver
{
    public const string ProviderTypePrefix = "pulumi:providers:";

    public static IReadOnlyList<ResourceNode> Resolve(IReadOnlyList<ResourceNode> nodes, string? configRegion)
    {
        var providers = nodes.Where(n => n.Type.StartsWith(ProviderTypePrefix, StringComparison.Ordinal))
            .GroupBy(n => n.Urn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var regions = new ProviderRegions(providers, configRegion);
        return nodes.Select(n => n with { Region = regions.Of(n) }).ToList();
    }

    /// <summary>
    /// <see cref="Resolve"/> without copies, for nodes a loader has just made and holds alone (a state's): each node's
    /// region is set in place.
    /// </summary>
    internal static List<ResourceNode> ResolveInPlace(List<ResourceNode> nodes, string? configRegion)
    {
        var providers = new Dictionary<string, ResourceNode>(StringComparer.Ordinal);
        foreach (var n in nodes)
            if (n.Type.StartsWith(ProviderTypePrefix, StringComparison.Ordinal)) providers.TryAdd(n.Urn, n);
        // Every region is decided from the nodes as read before any is set (a provider's own region included).
        var resolver = new ProviderRegions(providers, configRegion);
        var regions = new string?[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) regions[i] = resolver.Of(nodes[i]);
        for (var i = 0; i < nodes.Count; i++) nodes[i].ResolveRegion(regions[i]);
        return nodes;
    }

    /// <summary>
    /// The region of each node. A resource's region follows from its provider reference alone, and the resources of
    /// a large state name a handful of providers: the answer is kept per reference (the last one first, compared by
    /// instance: the loaders share equal strings), where splitting the reference and hashing its URN per resource was a
    /// tenth of reading a state.
    /// </summary>
    private sealed class ProviderRegions(Dictionary<string, ResourceNode> providers, string? configRegion)
    {
        private const int MaxRemembered = 1024;
        private readonly Dictionary<string, string?> _byReference = new(StringComparer.Ordinal);
        private string? _lastReference;
        private string? _lastRegion;

        public string? Of(ResourceNode node)
        {
            if (node.Type.StartsWith(ProviderTypePrefix, StringComparison.Ordinal))
                return OwnRegion(node) ?? (IsDefaultProvider(node.Name) ? configRegion : null);
            if (!node.Custom) return null;
            if (node.Provider is not { } reference) return configRegion;
            if (ReferenceEquals(reference, _lastReference)) return _lastRegion;
            if (!_byReference.TryGetValue(reference, out var region))
            {
                region = OfReference(reference);
                // Bounded: a hostile state naming a new provider per resource only stops being remembered.
                if (_byReference.Count < MaxRemembered) _byReference.Add(reference, region);
            }
            (_lastReference, _lastRegion) = (reference, region);
            return region;
        }

        private string? OfReference(string reference)
        {
            var (providerUrn, _) = UrnParts.SplitProviderReference(reference);
            if (providers.TryGetValue(providerUrn, out var provider))
                return OwnRegion(provider) ?? (IsDefaultProvider(provider.Name) ? configRegion : null);
            var name = UrnParts.TryParse(providerUrn)?.Name;
            return name is not null && IsDefaultProvider(name) ? configRegion : null;
        }
    }

    private static string? OwnRegion(ResourceNode provider) =>
        provider.Inputs["region"].AsString() ?? provider.Outputs["region"].AsString();

    /// <summary>Default providers are named <c>default</c> or <c>default_X_Y_Z</c> and take their settings from stack config.</summary>
    public static bool IsDefaultProvider(string name) =>
        name == "default" || name.StartsWith("default_", StringComparison.Ordinal);
}
