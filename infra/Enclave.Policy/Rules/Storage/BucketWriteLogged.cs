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

    protected override Assessment Assess(RuleContext context, ResourceNode bucket)
    {
        var g = context.Graph;
        var logged = g.OfType(OciTypes.Log).Any(log =>
            ServiceLogs.Is(log, "objectstorage", "write").And(ServiceLogs.Covers(g, log, bucket, [OciTypes.Bucket], bucket.Input("name"))));
        return new Assessment().Require(logged, "a write log covers it");
    }
}
