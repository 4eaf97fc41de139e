using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Region;

/// <summary>R1: replicas, standbys, peerings and domain replicas only in allowed regions.</summary>
public sealed class CrossRegionTargetsAllowed : RuleBase
{
    public override RuleInfo Info { get; } = new(
        "ENC-REG-002", "Replicas, standbys and peerings stay in allowed US regions", Severity.Critical, Enforcement.Mandatory,
        "Data copies leave the region through replication, Data Guard standbys, remote peering and identity-domain replicas; each target region must be on the US allow-list.",
        "Point ReplicationPolicy.destinationRegionName, RemotePeeringConnection.peerRegionName, DomainReplicationToRegion.replicaRegion, Kms.VaultVerification.replicaRegion and any Autonomous Database standby or peer at an allowed region.");

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var allowed = context.Policy.AllowedRegions;
        var g = context.Graph;
        foreach (var n in g.OfType(OciTypes.ReplicationPolicy))
            yield return Check(n, n.Input("destinationRegionName"), "replication destination", allowed);
        foreach (var n in g.OfType(OciTypes.RemotePeeringConnection))
            if (!n.Input("peerRegionName").IsNull) yield return Check(n, n.Input("peerRegionName"), "peer region", allowed);
        foreach (var n in g.OfType(OciTypes.DomainReplicationToRegion))
            yield return Check(n, n.Input("replicaRegion"), "replica region", allowed);
        // A vault replica copies the enclave's keys (and so the power to decrypt its data) to another region.
        foreach (var n in g.OfType(OciTypes.VaultVerification))
            yield return Check(n, n.Input("replicaRegion"), "vault replica region", allowed);
        foreach (var db in g.OfType(OciTypes.AutonomousDatabase))
        {
            var a = new Assessment();
            // The database's own region is its provider's; one the graph cannot tell is never assumed to be the
            // deployment region (a provider configured from a profile could point anywhere).
            var region = db.Region;
            a.Require(region is null ? Truth.Unknown : Regions.Allowed(PropertyValue.Of(region), allowed),
                $"database region {region ?? "(not set by its provider)"} is allowed");
            var peer = db.Input("peerDbId");
            if (!peer.IsNull)
                a.Require(peer.Test(v => v.AsString() is { } ocid && Regions.FromOcid(ocid) is { } r && allowed.Contains(r, StringComparer.OrdinalIgnoreCase)),
                    $"peer database region ({(peer.AsString() is { } p ? Regions.FromOcid(p) ?? "not in its OCID" : "unknown")}) is allowed");
            yield return Judge(db.Urn, db.Label, a);
        }
    }

    private Finding Check(ResourceNode n, PropertyValue region, string what, IReadOnlyCollection<string> allowed) =>
        Judge(n.Urn, Regions.Allowed(region, allowed),
            $"{n.Label}: {what} {region} is allowed",
            $"{n.Label}: {what} {region} is not in the allow-list ({string.Join(", ", allowed)})",
            $"{n.Label}: {what} not known until deploy");
}
