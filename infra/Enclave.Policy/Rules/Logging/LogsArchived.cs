using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// R13 / OBP-SIEM: in every region the stack uses, a Service Connector of that region ships the region's audit log
/// (<c>_Audit_Include_Subcompartment</c> on the tenancy) to an archive bucket of this stack in the same region that is
/// encrypted with a CMK and versioned or locked; every flow log and bucket log is shipped by a connector of its own
/// region; and no connector lists a log, or targets a bucket, of another region (it would silently ship nothing).
/// </summary>
public sealed class LogsArchived : SinkRuleBase
{
    public const string AuditGroup = ArchiveConnector.AuditGroup;

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-002", "Audit, flow and bucket logs are shipped to the archive bucket", Severity.High, Enforcement.Mandatory,
        "Logging keeps logs for months at most and its admins can purge them; the US oversight needs a tamper-resistant long-term copy in a locked, CMK-encrypted US bucket. A connector reads only its own region's logs, so each region the enclave uses (the home region for IAM) needs its own.",
        "In every region the stack uses, declare a Sch.Connector (with that region's provider) with source kind logging over _Audit_Include_Subcompartment on the tenancy and that region's flow-log and bucket-log groups, and target kind objectStorage on that region's archive bucket (kmsKeyId set, retention rule or versioning).",
        Cis: "OBP-SIEM-1..5");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var connectors = ArchiveConnector.All(g);
        var archives = connectors.Where(a => a.ToArchive != Truth.False).ToList();

        sink.Judge(Scope.StackUrn(g), "audit log archive", AuditShipped(context, archives));

        foreach (var connector in connectors)
        {
            var regional = connector.RegionChecks();
            if (regional.IsEmpty) sink.Pass(connector.Node.Urn, $"{connector.Node.Label}: lists no log or bucket bound to a region");
            else sink.Judge(connector.Node.Urn, $"{connector.Node.Label} (in {connector.Region ?? "an unknown region"})", regional);
        }

        var groups = NodeSets.Of(g, OciTypes.LogGroup);
        foreach (var log in g.OfType(OciTypes.Log))
        {
            var source = LogSource.Of(log);
            var relevant = source.Is("flowlogs", "all").Or(source.Service.EqualsString("objectstorage", StringComparison.OrdinalIgnoreCase));
            if (relevant == Truth.False) continue;
            var group = References.Resolve(g, log, "logGroupId", log.Input("logGroupId"), groups).FirstOrDefault();
            var shipped = Shipped(archives, log, group);
            var outcome = relevant == Truth.True ? shipped : shipped == Truth.True ? Truth.True : Truth.Unknown;
            // Only the message of the verdict reached is formatted.
            switch (outcome)
            {
                case Truth.True: sink.Pass(log.Urn, $"{log.Label}: shipped to the archive bucket of {log.Region}"); break;
                case Truth.False: sink.Fail(log.Urn, $"{log.Label}: not shipped to an archive bucket by a connector of its region ({log.Region ?? "unknown"})"); break;
                default: sink.Undetermined(log.Urn, $"{log.Label}: archive shipping not known until deploy"); break;
            }
        }
    }

    /// <summary>Does an archive connector of the log's region ship it (three-valued OR over the connectors)?</summary>
    private static Truth Shipped(List<ArchiveConnector> archives, ResourceNode log, ResourceNode? group)
    {
        var shipped = Truth.False;
        foreach (var a in archives)
        {
            shipped = shipped.Or(a.ToArchive.And(Regions.Same(a.Region, log.Region)).And(a.Ships(log, group)));
            if (shipped == Truth.True) break;
        }
        return shipped;
    }

    /// <summary>
    /// One requirement per region the stack uses: an archive connector of that region reads its audit log. A resource
    /// whose region is not known leaves its region's requirement undetermined.
    /// </summary>
    private static Assessment AuditShipped(RuleContext context, IReadOnlyList<ArchiveConnector> archives)
    {
        var (regions, unplaced) = Regions.AuditedRegions(context);
        var a = new Assessment();
        foreach (var region in regions)
            a.Require(archives.Any(c => Regions.Same(c.Region, region).And(c.ToArchive).And(c.ShipsAudit(context.Policy))),
                $"a connector in {region} archives its audit log ({AuditGroup} on the tenancy) in a CMK-encrypted, locked or versioned bucket of {region}");
        if (unplaced is not null)
            a.Require(Truth.Unknown, $"the audit log of {unplaced.Label}'s region (not known until deploy) is archived");
        if (regions.Count == 0 && a.IsEmpty)
            a.Require(archives.Any(c => c.ToArchive.And(c.ShipsAudit(context.Policy))),
                $"a connector ships the audit log ({AuditGroup} on the tenancy) to a CMK-encrypted, locked or versioned bucket of this stack");
        return a;
    }
}
