using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Region;

/// <summary>
/// R1: every copy of the data stays in allowed regions and in the enclave's hands: bucket replication (to a bucket of
/// this stack there), vault replicas, remote peering, identity-domain replicas, Autonomous Database standbys, peers,
/// clones and refreshable clones (where they run and what they copy), and database backups (never to a remote region
/// off the list, never to a store outside the database service).
/// </summary>
public sealed class CrossRegionTargetsAllowed : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-REG-002", "Replicas, standbys, clones, backups and peerings stay in allowed US regions", Severity.Critical, Enforcement.Mandatory,
        "Data copies leave the region through replication, vault replicas, Data Guard standbys, clones, remote backups, remote peering and identity-domain replicas; each target region must be on the US allow-list, and a replica must land in a bucket the enclave declares.",
        "Point ReplicationPolicy at a bucket of this stack in an allowed region; keep VaultVerification.replicaRegion, RemotePeeringConnection.peerRegionName, DomainReplicationToRegion.replicaRegion, every Autonomous Database standby, peer, clone and clone source, and every remote backup region on the allow-list; keep database backups in the database service (no OBJECT_STORE, NFS, AWS_S3, DBRS or Recovery Appliance destinations).");

    /// <summary>
    /// Is a database <c>source</c> a copy of another database's data? Every value but <c>NONE</c> (a new, empty database)
    /// is: an allow-list of the one value that copies nothing, so a clone, standby or restore kind the list never named
    /// (or a known kind in another spelling) is still judged by its source's region.
    /// </summary>
    private static bool Copies(string? source) => source is not null && !source.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase);

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var allowed = context.Policy.AllowedRegions;
        var g = context.Graph;
        foreach (var n in g.OfType(OciTypes.ReplicationPolicy))
            sink.Judge(n.Urn, n.Label, Replication(g, n, allowed));
        foreach (var b in g.OfType(OciTypes.Bucket))
        {
            if (ReplicatedOutOfBand(g, b) is { } judged) sink.Judge(b.Urn, b.Label, judged);
            if (ReplicaOutOfBand(g, b) is { } replica) sink.Judge(b.Urn, b.Label, replica);
        }
        foreach (var v in g.OfType(OciTypes.Vault))
            if (ReplicatedVault(g, v) is { } judged) sink.Judge(v.Urn, v.Label, judged);
        foreach (var n in g.OfType(OciTypes.RemotePeeringConnection))
            if (!n.Input("peerRegionName").IsNull) sink.Add(Check(n, n.Input("peerRegionName"), "peer region", allowed));
        foreach (var n in g.OfType(OciTypes.DomainReplicationToRegion))
            sink.Add(Check(n, n.Input("replicaRegion"), "replica region", allowed));
        foreach (var n in g.OfType(OciTypes.VaultVerification))
            sink.Add(Check(n, n.Input("replicaRegion"), "vault replica region", allowed));
        foreach (var n in g.OfType(OciTypes.AutonomousDatabaseBackup))
            sink.Judge(n.Urn, n.Label, Backup(n, allowed));
        foreach (var db in g.OfType(OciTypes.AutonomousDatabase))
            sink.Judge(db.Urn, db.Label, Database(g, db, allowed));
    }

    /// <summary>A replica goes to an allowed region, into a bucket this stack declares there (not someone else's).</summary>
    private static Assessment Replication(ResourceGraph g, ResourceNode n, IReadOnlyCollection<string> allowed)
    {
        var region = n.Input("destinationRegionName");
        var bucket = n.Input("destinationBucketName");
        var ours = Truth.False;
        foreach (var b in BucketNames.Of(g).Candidates(g, n, "destinationBucketName", bucket))
        {
            var name = b.Input("name");
            var named = (name.IsKnown && bucket.IsKnown ? TruthLogic.Of(name.AsString() == bucket.AsString()) : Truth.Unknown)
                .Or(TruthLogic.Of(n.InputDependsOn("destinationBucketName", b.Urn)));
            ours = ours.Or(named.And(region.IsKnown ? Regions.Same(b.Region, region.AsString()) : Truth.Unknown));
        }
        return new Assessment()
            .Require(Regions.Allowed(region, allowed), $"replication destination {region} is allowed",
                whenViolated: $"replication destination {region} is not in the allow-list ({string.Join(", ", allowed)})")
            .Require(ours, $"destination bucket {bucket} is a bucket of this stack in {region}",
                whenViolated: $"destination bucket {bucket} is not a bucket of this stack in {region}: the replica would leave the enclave's control");
    }

    /// <summary>
    /// A bucket the service marks as a replication source (<c>replicationEnabled</c>, an output it sets while a
    /// replication policy exists) copies every object wherever that policy points. A policy made outside the program
    /// (the console, another stack) shows only here, in the deployed state: the copy must be a ReplicationPolicy of this
    /// stack, whose destination is judged above. Null for a bucket that does not replicate.
    /// </summary>
    private static Assessment? ReplicatedOutOfBand(ResourceGraph g, ResourceNode bucket)
    {
        var replicates = bucket.Input("replicationEnabled");
        if (replicates.IsNull || replicates.EqualsBool(false) == Truth.True) return null;
        var declared = Truth.False;
        foreach (var p in g.OfType(OciTypes.ReplicationPolicy))
            declared = declared.Or(References.Identifies(g, p, "bucket", p.Input("bucket"), bucket, [OciTypes.Bucket], bucket.Input("name")));
        return new Assessment().Require(replicates.EqualsBool(false).Or(declared),
            $"replication (replicationEnabled {replicates}) is a replication policy of this stack",
            whenViolated: $"the bucket replicates (replicationEnabled {replicates}) by no replication policy of this stack: its objects are copied to a destination the gate never sees");
    }

    /// <summary>
    /// A bucket the service marks read-only (<c>isReadOnly</c>, an output it sets on the destination of a replication
    /// policy) is written by a replication from another bucket: one made outside the program (the console, another
    /// stack, another tenancy) shows only here. Its objects then come from, and follow, a source the gate never judged,
    /// and the enclave's own writes to it (the archive's logs) fail. It must be the destination of a ReplicationPolicy
    /// of this stack. Null for a bucket that is not read-only.
    /// </summary>
    private static Assessment? ReplicaOutOfBand(ResourceGraph g, ResourceNode bucket)
    {
        var readOnly = bucket.Input("isReadOnly");
        if (readOnly.IsNull || readOnly.EqualsBool(false) == Truth.True) return null;
        var name = bucket.Input("name");
        var declared = Truth.False;
        foreach (var p in g.OfType(OciTypes.ReplicationPolicy))
        {
            var destination = p.Input("destinationBucketName");
            var region = p.Input("destinationRegionName");
            var named = (destination.IsKnown && name.IsKnown ? TruthLogic.Of(destination.AsString() == name.AsString()) : Truth.Unknown)
                .Or(TruthLogic.Of(p.InputDependsOn("destinationBucketName", bucket.Urn)));
            declared = declared.Or(named.And(region.IsKnown ? Regions.Same(bucket.Region, region.AsString()) : Truth.Unknown));
        }
        return new Assessment().Require(readOnly.EqualsBool(false).Or(declared),
            $"as a replication destination (isReadOnly {readOnly}) it receives a replication policy of this stack",
            whenViolated: $"the bucket is the destination of a replication (isReadOnly {readOnly}) no replication policy of this stack makes: its objects come from a source the gate never sees, and the enclave's writes to it fail");
    }

    /// <summary>
    /// A vault the service marks as replicated (<c>replicaDetails.replicationId</c>, an output): a replica made outside the
    /// program (the console) shows only here, without its region, and copies every key of the vault there. It must be
    /// the replica a VaultVerification of this stack makes, whose region is judged above. Null for a vault not replicated.
    /// </summary>
    private static Assessment? ReplicatedVault(ResourceGraph g, ResourceNode vault)
    {
        var details = vault.Input("replicaDetails");
        if (details.IsNull) return null;
        var replicated = Truth.False;
        if (!details.IsKnown) replicated = Truth.Unknown;
        else
            foreach (var d in details is ListValue list ? list.Items : [details])
                replicated = replicated.Or(d.IsKnown ? Scope.Present(d["replicationId"]) : Truth.Unknown);
        if (replicated == Truth.False) return null;
        var declared = Truth.False;
        foreach (var v in g.OfType(OciTypes.VaultVerification))
            declared = declared.Or(References.Identifies(g, v, "vaultId", v.Input("vaultId"), vault));
        return new Assessment().Require(replicated.Not().Or(declared),
            "its replica (replicaDetails) is one a VaultVerification of this stack makes",
            whenViolated: "the vault is replicated (replicaDetails) by no VaultVerification of this stack: its keys are copied to a region the gate never sees");
    }

    /// <summary>A backup stays in the database service: a local destination, or a remote one in an allowed region.</summary>
    private static Assessment Backup(ResourceNode n, IReadOnlyCollection<string> allowed)
    {
        var a = new Assessment();
        var details = n.Input("backupDestinationDetails");
        if (details.IsNull) return a.Require(Truth.True, "backed up in the database service of its region");
        if (!details.IsKnown) return a.Require(Truth.Unknown, "backup destination is the database service in an allowed region");
        var type = details["type"];
        a.Require(type.IsNull ? Truth.True : type.EqualsString("LOCAL", StringComparison.OrdinalIgnoreCase),
            $"backup destination type ({type}) is LOCAL", whenViolated: $"backup destination type is {type}: a store outside the enclave's database service");
        var remote = details["isRemote"];
        var region = details["remoteRegion"];
        if (!region.IsNull || (!remote.IsNull && remote.EqualsBool(false) != Truth.True))
            a.Require(Regions.Allowed(region, allowed), $"remote backup region {region} is allowed",
                whenViolated: $"remote backup region {region} is not in the allow-list ({string.Join(", ", allowed)})");
        return a;
    }

    /// <summary>The database runs in an allowed region; its peer and, for a copy, its source are in allowed regions.</summary>
    private static Assessment Database(ResourceGraph g, ResourceNode db, IReadOnlyCollection<string> allowed)
    {
        var a = new Assessment();
        // A region that cannot be told is not the deployment region: it is not known.
        a.Require(db.Region is null ? Truth.Unknown : Regions.Allowed(PropertyValue.Of(db.Region), allowed),
            $"database region {db.Region ?? "(not known until deploy)"} is allowed");
        // The peer it pairs with, and the remote peer a switchover hands the primary role to (the data's home moves there).
        foreach (var key in (string[])["peerDbId", "switchoverToRemotePeerId"])
        {
            var peer = db.Input(key);
            if (!peer.IsNull)
                a.Require(RegionOf(g, db, key, peer, allowed), $"{key} database region ({Where(g, db, key, peer)}) is allowed");
        }
        RemoteStandbys(g, db, allowed, a);
        var source = db.Input("source");
        var copies = source.IsKnown ? TruthLogic.Of(Copies(source.AsString())) : Truth.Unknown;
        var sourceId = db.Input("sourceId").IsNull ? db.Input("autonomousDatabaseId") : db.Input("sourceId");
        if (copies != Truth.False && !sourceId.IsNull)
            a.Require(copies.Not().Or(RegionOf(g, db, "sourceId", sourceId, allowed)),
                $"the {source} source's region ({Where(g, db, "sourceId", sourceId)}) is allowed");
        return a;
    }

    /// <summary>
    /// The remote standbys the service lists for the database (<c>peerDbIds</c>, an output): a cross-region standby added
    /// outside the program (the console's "add standby") shows only here, in the deployed state. Each must be a database
    /// of this stack (whose region, placement, access list and keys the rules judge) in an allowed region.
    /// </summary>
    private static void RemoteStandbys(ResourceGraph g, ResourceNode db, IReadOnlyCollection<string> allowed, Assessment a)
    {
        var peers = db.Input("peerDbIds");
        if (peers.IsNull) return;
        if (!peers.IsKnown)
        {
            a.Require(Truth.Unknown, "its remote standbys (peerDbIds) are databases of this stack in allowed regions");
            return;
        }
        var databases = NodeSets.Of(g, OciTypes.AutonomousDatabase);
        foreach (var peer in peers is ListValue list ? list.Items : [peers])
            a.Require(References.IdentifiesAny(g, db, "peerDbIds", peer, databases).And(RegionOf(g, db, "peerDbIds", peer, allowed)),
                $"remote standby {peer} (peerDbIds) is a database of this stack in an allowed region ({Where(g, db, "peerDbIds", peer)})",
                whenViolated: $"remote standby {peer} (peerDbIds) is not a database of this stack in an allowed region ({Where(g, db, "peerDbIds", peer)}): a copy of the data the gate never judged");
    }

    /// <summary>Is the database a value names in an allowed region (a stack database by its region, another by its OCID)?</summary>
    private static Truth RegionOf(ResourceGraph g, ResourceNode from, string key, PropertyValue value, IReadOnlyCollection<string> allowed)
    {
        if (References.Resolve(g, from, key, value, NodeSets.Of(g, OciTypes.AutonomousDatabase)).FirstOrDefault() is { } node)
            return node.Region is null ? Truth.Unknown : Regions.Allowed(PropertyValue.Of(node.Region), allowed);
        if (!value.IsKnown) return Truth.Unknown;
        return value.AsString() is { } ocid && Regions.FromOcid(ocid) is { } r && !r.StartsWith('(')
            ? Regions.Allowed(PropertyValue.Of(r), allowed)
            : Truth.False;
    }

    private static string Where(ResourceGraph g, ResourceNode from, string key, PropertyValue value) =>
        References.Resolve(g, from, key, value, NodeSets.Of(g, OciTypes.AutonomousDatabase)).FirstOrDefault() is { } node
            ? node.Region ?? "not known until deploy"
            : value.AsString() is { } p ? Regions.FromOcid(p) ?? "not in its OCID" : "not known until deploy";

    private Finding Check(ResourceNode n, PropertyValue region, string what, IReadOnlyCollection<string> allowed) =>
        Judge(n.Urn, Regions.Allowed(region, allowed),
            $"{n.Label}: {what} {region} is allowed",
            $"{n.Label}: {what} {region} is not in the allow-list ({string.Join(", ", allowed)})",
            $"{n.Label}: {what} not known until deploy");
}
