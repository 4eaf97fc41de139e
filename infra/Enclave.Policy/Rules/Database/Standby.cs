using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// Cross-region Autonomous Data Guard standbys are created from their primary (<c>source</c> CROSS_REGION_DATAGUARD
/// or CROSS_REGION_DISASTER_RECOVERY, <c>sourceId</c> = the primary): encryption and Data Safe registration follow the
/// primary, so rules about them judge the primary of the stack.
/// </summary>
public static class Standby
{
    private static readonly string[] Sources = ["CROSS_REGION_DATAGUARD", "CROSS_REGION_DISASTER_RECOVERY"];

    /// <summary>The primary database of this stack a standby was created from, or null for a primary (or an unresolvable one).</summary>
    public static ResourceNode? PrimaryOf(ResourceGraph graph, ResourceNode db)
    {
        if (db.Input("source").AsString() is not { } source || !Sources.Contains(source, StringComparer.OrdinalIgnoreCase)) return null;
        return References.Resolve(graph, db, "sourceId", db.Input("sourceId"), graph.OfType(OciTypes.AutonomousDatabase).Where(d => d != db)).FirstOrDefault();
    }
}
