using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.TestSupport.PulumiFiles;

/// <summary>Resources of an offline program run as the engine records them in its files.</summary>
public static class EngineProviders
{
    /// <summary>
    /// Every custom resource names its provider (the mock engine of the offline run records the region instead: the
    /// provider of that region is named, else the default provider), and the default provider resources the program
    /// does not register (the engine makes them from the stack config, and states and previews list them with their
    /// inputs, the region among them) are added after the stack.
    /// </summary>
    public static List<ResourceNode> Add(IEnumerable<ResourceNode> nodes, string region)
    {
        var list = nodes.ToList();
        var byRegion = list.Where(n => IsProvider(n) && n.Inputs["region"].AsString() is not null)
            .GroupBy(n => n.Inputs["region"].AsString()!).ToDictionary(g => g.Key, g => g.First());
        var stackUrn = list[0].Urn;
        var prefix = stackUrn[..(stackUrn.IndexOf("::", stackUrn.IndexOf("::", 11) + 2) + 2)];  // urn:pulumi:STACK::PROJECT::
        var defaultProvider = $"{prefix}pulumi:providers:oci::default_4_20_0::{PulumiValues.UnknownSentinel}";
        for (var i = 0; i < list.Count; i++)
        {
            var n = list[i];
            if (!n.Custom || n.Provider is not null || IsProvider(n)) continue;
            var provider = n.Region is { } r && byRegion.TryGetValue(r, out var p) ? $"{p.Urn}::{p.Id.AsString() ?? PulumiValues.UnknownSentinel}" : defaultProvider;
            list[i] = n with { Provider = provider };
        }
        var present = list.Select(n => n.Urn).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in list.Select(n => n.Provider).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            var cut = reference.LastIndexOf("::", StringComparison.Ordinal);
            var (urn, id) = (reference[..cut], reference[(cut + 2)..]);
            if (!present.Add(urn)) continue;
            var name = urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
            var type = urn.Split("::")[2];
            var inputs = PropertyValue.Map(("region", PropertyValue.Of(region)), ("version", PropertyValue.Of("4.20.0")));
            list.Insert(1, ResourceNode.Create(urn, type, name, inputs: inputs,
                id: id == PulumiValues.UnknownSentinel ? PropertyValue.Unknown : PropertyValue.Of(id)) with { Parent = null });
        }
        return list;
    }

    private static bool IsProvider(ResourceNode n) => n.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal);
}
