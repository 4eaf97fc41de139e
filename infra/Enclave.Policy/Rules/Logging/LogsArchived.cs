using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// R13 / OBP-SIEM: a Service Connector ships the tenancy audit log (<c>_Audit_Include_Subcompartment</c>), every flow
/// log and every bucket log to an archive bucket of this stack that is encrypted with a CMK and versioned or locked.
/// </summary>
public sealed class LogsArchived : RuleBase
{
    public const string AuditGroup = "_Audit_Include_Subcompartment";

    public override RuleInfo Info { get; } = new(
        "ENC-LOG-002", "Audit, flow and bucket logs are shipped to the archive bucket", Severity.High, Enforcement.Mandatory,
        "Logging keeps logs for months at most and its admins can purge them; the US oversight needs a tamper-resistant long-term copy in a locked, CMK-encrypted US bucket.",
        "Declare a Sch.Connector with source kind logging over _Audit_Include_Subcompartment and the flow-log and bucket-log groups, and target kind objectStorage on the archive bucket (kmsKeyId set, retention rule or versioning).",
        Cis: "OBP-SIEM-1..5");

    private sealed record Archive(ResourceNode Connector, Truth ToArchive, PropertyValue Sources);

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var g = context.Graph;
        var buckets = g.OfType(OciTypes.Bucket).ToList();
        var archives = g.OfType(OciTypes.Connector)
            .Select(c => new Archive(c, ShipsToArchive(g, c, buckets), c.Input("source")["logSources"]))
            .Where(a => a.ToArchive != Truth.False).ToList();

        var audit = archives.Any(a => a.ToArchive.And(AnySource(a, s => IsAuditGroup(a.Connector, s["logGroupId"]))));
        yield return Judge(Scope.StackUrn(g), audit,
            $"audit log ({AuditGroup}) is shipped to the archive bucket",
            archives.Count == 0 ? "no Service Connector ships logs to a CMK-encrypted, versioned or locked bucket of this stack"
                                : $"no archive connector reads the audit log group {AuditGroup}",
            "audit log shipping not known until deploy");

        var groups = NodeSets.Of(g, OciTypes.LogGroup);
        foreach (var log in g.OfType(OciTypes.Log))
        {
            var relevant = ServiceLogs.Is(log, "flowlogs", "all").Or(ServiceLogs.Service(log).EqualsString("objectstorage", StringComparison.OrdinalIgnoreCase));
            if (relevant == Truth.False) continue;
            var group = References.Resolve(g, log, "logGroupId", log.Input("logGroupId"), groups).FirstOrDefault();
            var shipped = archives.Any(a => a.ToArchive.And(AnySource(a, s =>
                (group is null ? Truth.Unknown : References.Identifies(g, a.Connector, "source", s["logGroupId"], group))
                .And(s["logId"].IsNull ? Truth.True : References.Identifies(g, a.Connector, "source", s["logId"], log)))));
            var outcome = relevant == Truth.True ? shipped : shipped == Truth.True ? Truth.True : Truth.Unknown;
            yield return Judge(log.Urn, outcome,
                $"{log.Label}: shipped to the archive bucket", $"{log.Label}: not shipped to the archive bucket",
                $"{log.Label}: archive shipping not known until deploy");
        }
    }

    /// <summary>
    /// Is the log source the audit group? The group is named by a literal; an unknown value in sources built from
    /// other resources is one of their ids (only resource outputs are unknown), so it is not the audit group.
    /// </summary>
    private static Truth IsAuditGroup(ResourceNode connector, PropertyValue logGroupId) =>
        logGroupId is UnknownValue && PropertyWalk.FromResource(connector, "source")
            ? Truth.False
            : logGroupId.EqualsString(AuditGroup, StringComparison.OrdinalIgnoreCase);

    private static Truth AnySource(Archive archive, Func<PropertyValue, Truth> predicate) =>
        archive.Sources.IsKnown ? archive.Sources.AsList().Any(predicate) : Truth.Unknown;

    /// <summary>Does the connector deliver to a bucket of this stack that is CMK-encrypted and versioned or locked?</summary>
    private static Truth ShipsToArchive(ResourceGraph g, ResourceNode connector, IReadOnlyList<ResourceNode> buckets)
    {
        var target = connector.Input("target");
        var kind = connector.Input("source")["kind"].EqualsString("logging", StringComparison.OrdinalIgnoreCase)
            .And(target["kind"].EqualsString("objectStorage", StringComparison.OrdinalIgnoreCase));
        var active = connector.Input("state").IsNull ? Truth.True : connector.Input("state").EqualsString("ACTIVE", StringComparison.OrdinalIgnoreCase);
        var archive = buckets.Any(b =>
            References.Identifies(g, connector, "target", target["bucket"], b, [OciTypes.Bucket], b.Input("name"))
                .And(Scope.Present(b, "kmsKeyId", b.Input("kmsKeyId")))
                .And(b.Input("versioning").EqualsString("Enabled", StringComparison.OrdinalIgnoreCase)
                    .Or(b.Input("retentionRules").IsKnown ? TruthLogic.Of(b.Input("retentionRules").AsList().Length > 0) : Truth.Unknown)));
        return kind.And(active).And(archive);
    }
}
