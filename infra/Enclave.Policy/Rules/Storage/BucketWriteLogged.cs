using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>R12 / CIS 4.17: every bucket has a write-level Object Storage log.</summary>
public sealed class BucketWriteLogged : BucketRule
{
    public override RuleInfo Info { get; } = new(
        "ENC-STO-004", "Bucket writes are logged", Severity.Medium, Enforcement.Mandatory,
        "Write logs are the evidence of who put, overwrote or deleted objects; the US oversight audits them.",
        "Declare a Logging.Log with configuration.source {service: objectstorage, category: write, resource: <bucket name>} for every bucket.",
        Cis: "4.17");

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ResourceGraph, ServiceLogs.Index> Indexes = new();

    protected override Assessment Assess(RuleContext context, ResourceNode bucket)
    {
        var g = context.Graph;
        var index = Indexes.GetValue(g, graph => new ServiceLogs.Index(graph.OfType(OciTypes.Log)
            .Where(l => ServiceLogs.Is(l, "objectstorage", "write") != Truth.False)));
        var logged = index.Candidates(bucket, bucket.Input("name")).Any(log =>
            ServiceLogs.Is(log, "objectstorage", "write").And(ServiceLogs.Covers(g, log, bucket, [OciTypes.Bucket], bucket.Input("name"))));
        return new Assessment().Require(logged, "a write log covers it");
    }
}
