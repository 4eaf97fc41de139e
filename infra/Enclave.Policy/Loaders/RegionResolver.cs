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
        return nodes.Select(n => n with { Region = RegionOf(n, providers, configRegion) }).ToList();
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
        var regions = new string?[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) regions[i] = RegionOf(nodes[i], providers, configRegion);
        for (var i = 0; i < nodes.Count; i++) nodes[i].ResolveRegion(regions[i]);
        return nodes;
    }

    private static string? RegionOf(ResourceNode node, Dictionary<string, ResourceNode> providers, string? configRegion)
    {
        if (node.Type.StartsWith(ProviderTypePrefix, StringComparison.Ordinal))
            return OwnRegion(node) ?? (IsDefaultProvider(node.Name) ? configRegion : null);
        if (!node.Custom) return null;
        if (node.Provider is null) return configRegion;
        var (providerUrn, _) = UrnParts.SplitProviderReference(node.Provider);
        if (providers.TryGetValue(providerUrn, out var provider))
            return OwnRegion(provider) ?? (IsDefaultProvider(provider.Name) ? configRegion : null);
        var name = UrnParts.TryParse(providerUrn)?.Name;
        return name is not null && IsDefaultProvider(name) ? configRegion : null;
    }

    private static string? OwnRegion(ResourceNode provider) =>
        provider.Inputs["region"].AsString() ?? provider.Outputs["region"].AsString();

    /// <summary>Default providers are named <c>default</c> or <c>default_X_Y_Z</c> and take their settings from stack config.</summary>
    public static bool IsDefaultProvider(string name) =>
        name == "default" || name.StartsWith("default_", StringComparison.Ordinal);
}
