using Enclave.Policy.Graph;
using Enclave.Escaping;

namespace Enclave.Policy.Review.Plan;

/// <summary>Small facts about resources that every plan rendering shows the same way.</summary>
public static class PlanFacts
{
    /// <summary>The region most resources are in; others are flagged with theirs.</summary>
    public static string? UsualRegion(IEnumerable<ResourceNode> resources) =>
        resources.Where(r => r.Region is not null)
            .GroupBy(r => r.Region!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    public static IEnumerable<string> Flags(ResourceNode node, string? usualRegion)
    {
        if (node.Protect) yield return "protected";
        if (node.Region is not null && node.Region != usualRegion) yield return $"region {SafeText.Escape(node.Region)}";
    }

    /// <summary><c>type::name</c> from a URN (the last two <c>::</c> parts, the type without its parents), escaped for printing.</summary>
    public static string Label(string urn)
    {
        var parts = urn.Split("::");
        if (parts.Length < 4) return SafeText.Escape(urn);
        var type = parts[^2];
        var dollar = type.LastIndexOf('$');
        return SafeText.Escape($"{(dollar >= 0 ? type[(dollar + 1)..] : type)}::{parts[^1]}");
    }
}
