using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>OCI region names and the 3-letter keys that appear in OCIDs (<c>ocid1.autonomousdatabase.oc1.iad.…</c>).</summary>
public static class Regions
{
    private static readonly Dictionary<string, string> ByKey = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iad"] = "us-ashburn-1", ["phx"] = "us-phoenix-1", ["sjc"] = "us-sanjose-1", ["ord"] = "us-chicago-1",
        ["aga"] = "us-saltlake-2", ["lfi"] = "us-langley-1", ["luf"] = "us-luke-1", ["ric"] = "us-gov-ashburn-1",
        ["pia"] = "us-gov-chicago-1", ["tus"] = "us-gov-phoenix-1", ["tiw"] = "us-tacoma-1", ["sgu"] = "us-westjordan-1",
        ["fra"] = "eu-frankfurt-1", ["lhr"] = "uk-london-1", ["ams"] = "eu-amsterdam-1", ["nrt"] = "ap-tokyo-1",
        ["sin"] = "ap-singapore-1", ["hkg"] = "ap-hongkong-1", ["icn"] = "ap-seoul-1", ["bom"] = "ap-mumbai-1",
        ["syd"] = "ap-sydney-1", ["yyz"] = "ca-toronto-1", ["gru"] = "sa-saopaulo-1", ["jed"] = "me-jeddah-1",
        ["dxb"] = "me-dubai-1", ["zrh"] = "eu-zurich-1", ["cdg"] = "eu-paris-1", ["mad"] = "eu-madrid-1",
    };

    /// <summary>The region encoded in a regional OCID, or its raw key when the key is not in the table; null for global OCIDs.</summary>
    public static string? FromOcid(string ocid)
    {
        // ocid1.<type>.<realm>.<region>.<unique>: the fourth dot-separated part, read in place.
        Span<Range> parts = stackalloc Range[5];
        var text = ocid.AsSpan();
        if (text.Split(parts, '.') < 5 || !text[parts[0]].SequenceEqual("ocid1") || text[parts[3]].IsEmpty) return null;
        var key = text[parts[3]];
        if (ByKeySpan.TryGetValue(key, out var name)) return name;
        return key.Contains('-') ? key.ToString() : $"(region key {key})";
    }

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByKeySpan =
        ByKey.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Are two regions the same (case-insensitive)? Unknown when either is not known.</summary>
    public static Truth Same(string? a, string? b) =>
        a is null || b is null ? Truth.Unknown : TruthLogic.Of(string.Equals(a, b, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Is the resource of type <paramref name="targetType"/> that <paramref name="value"/> (input <paramref name="key"/>
    /// of <paramref name="from"/>) names in <paramref name="region"/>? A resource of the stack is placed by its region (its
    /// provider's); a known OCID naming none of them by the region key in the OCID. Unknown when the resource or its
    /// region cannot be told: an unknown value no resource certainly matches, an OCID without a region, an unknown region.
    /// </summary>
    public static Truth ReferencedIn(ResourceGraph graph, ResourceNode from, string key, PropertyValue value, string targetType, string? region)
    {
        // Only these can be named: the resource with that id or URN, and (while ids are unknown) those the input came from.
        var near = new List<ResourceNode>();
        if (value is StringValue id && graph.ById(id.Value) is { } byId) near.Add(byId);
        if (value is ResourceRefValue r && graph.ByUrn(r.Urn) is { } byUrn) near.Add(byUrn);
        if (from.PropertyDependencies.TryGetValue(key, out var deps))
            foreach (var urn in deps)
                if (graph.ByUrn(urn) is { } dep) near.Add(dep);
        // Every resource the value may name must be in the region (a rival that might be the one named counts too).
        var certainlyNamed = false;
        var allInRegion = Truth.True;
        for (var i = 0; i < near.Count; i++)
        {
            var target = near[i];
            if (!target.IsType(targetType) || MetBefore(near, i)) continue;
            var named = References.Identifies(graph, from, key, value, target);
            if (named == Truth.False) continue;
            certainlyNamed |= named == Truth.True;
            allInRegion = allInRegion.And(named.Not().Or(Same(target.Region, region)));
        }
        if (certainlyNamed) return allInRegion;
        return value is StringValue s && FromOcid(s.Value) is { } own && !own.StartsWith('(') ? Same(own, region) : Truth.Unknown;
    }

    /// <summary>Is <c>nodes[index]</c> already earlier in the list (by reference: nodes are compared as records otherwise)?</summary>
    private static bool MetBefore(List<ResourceNode> nodes, int index)
    {
        for (var j = 0; j < index; j++)
            if (ReferenceEquals(nodes[j], nodes[index])) return true;
        return false;
    }

    /// <summary>
    /// The region whose audit log records the resource's API calls: the home region for IAM objects (identity is
    /// mastered there whatever the provider), else the resource's own (its provider's) region; null when not known.
    /// </summary>
    public static string? AuditedIn(ResourceNode node, PolicyContext policy) =>
        node.Type.StartsWith(IdentityPrefix, StringComparison.Ordinal) ? policy.HomeRegion ?? node.Region : node.Region;

    private const string IdentityPrefix = "oci:Identity/";

    /// <summary>
    /// The regions the stack's resources are audited in (<see cref="AuditedIn"/>; first spelling met, sorted), and the
    /// first OCI resource whose region is not known (its region's requirements are then undetermined).
    /// </summary>
    public static (IReadOnlyList<string> Regions, ResourceNode? Unplaced) AuditedRegions(RuleContext context)
    {
        // Three rules ask, each of every resource: worked out once per graph and policy.
        if (AuditedCache.TryGetValue(context.Graph, out var cached) && ReferenceEquals(cached.Policy, context.Policy))
            return (cached.Regions, cached.Unplaced);
        var (regions, unplaced) = FindAuditedRegions(context);
        AuditedCache.AddOrUpdate(context.Graph, new AuditedPlaces(context.Policy, regions, unplaced));
        return (regions, unplaced);
    }

    private sealed record AuditedPlaces(PolicyContext Policy, IReadOnlyList<string> Regions, ResourceNode? Unplaced);

    private static readonly ConditionalWeakTable<ResourceGraph, AuditedPlaces> AuditedCache = new();

    private static (IReadOnlyList<string> Regions, ResourceNode? Unplaced) FindAuditedRegions(RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var regions = new List<string>();
        ResourceNode? unplaced = null;
        foreach (var n in context.Graph.Resources)
        {
            if (!n.Custom || !OciTypes.IsOci(n.Type)) continue;
            if (AuditedIn(n, context.Policy) is not { } region) unplaced ??= n;
            else if (seen.Add(region)) regions.Add(region);
        }
        regions.Sort(StringComparer.OrdinalIgnoreCase);
        return (regions.AsReadOnly(), unplaced);
    }

    /// <summary>Three-valued membership of a region value in the allow-list (case-insensitive).</summary>
    public static Truth Allowed(PropertyValue region, IEnumerable<string> allowed) =>
        region.Test(v => v.AsString() is { } r && allowed.Contains(r, StringComparer.OrdinalIgnoreCase));
}
