using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Rules.Storage;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// Issue 11.5, beyond CIS 4.17: every bucket has an enabled read-level Object Storage log, so oversight sees who read
/// the data (a GetObject leaves no write and no event). No bucket is exempt: the archive's reads show who studied what
/// the gatekeepers see, and an exemption by role (say "connector targets") is one a pull request could claim for the
/// user-data bucket. Shipping the log to the archive is ENC-LOG-002's.
/// </summary>
public sealed class BucketReadLogged : BucketRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-022", "Bucket reads are logged", Severity.High, Enforcement.Mandatory,
        "Exfiltration is a read: without a read log, downloading every user record from the bucket leaves no trace the US oversight can audit (write logs and the audit log record changes and bucket-level calls, not object reads).",
        "Declare an enabled Logging.Log with configuration.source {service: objectstorage, category: read, resource: <bucket name>} for every bucket, in a log group an archive connector of its region ships.");

    private static readonly string[] Buckets = [OciTypes.Bucket];

    private static readonly ConditionalWeakTable<ResourceGraph, ServiceLogs.Index> Indexes = new();

    protected override Assessment Assess(RuleContext context, ResourceNode bucket, Assessment a)
    {
        var g = context.Graph;
        var index = Indexes.GetValue(g, graph => new ServiceLogs.Index(graph.OfType(OciTypes.Log), source => IsReadLog(source) != Truth.False));
        var name = bucket.Input("name");
        var candidates = new List<ServiceLogs.Candidate>();
        index.Candidates(candidates, bucket, name: name);
        var logged = Truth.False;
        foreach (var log in candidates)
        {
            logged = logged.Or(IsReadLog(log.Source).And(ServiceLogs.Covers(g, log, bucket, Buckets, name)));
            if (logged == Truth.True) break;
        }
        return a.Require(logged, "an enabled read log covers it");
    }

    private static Truth IsReadLog(LogSource source) => source.Is("objectstorage", "read");
}
