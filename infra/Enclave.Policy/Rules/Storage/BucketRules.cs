using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>Shared shape of the per-bucket rules: one finding per bucket from an assessment.</summary>
public abstract class BucketRule : SinkRuleBase
{
    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        // One assessment for every bucket: each finding copies its message's parts (Assessment.Clear).
        var reused = new Assessment();
        foreach (var bucket in context.Graph.OfType(OciTypes.Bucket))
            sink.Judge(bucket.Urn, bucket.Label, Assess(context, bucket, reused.Clear()));
    }

    /// <summary>The bucket's requirements, added to <paramref name="a"/> (empty; returned).</summary>
    protected abstract Assessment Assess(RuleContext context, ResourceNode bucket, Assessment a);
}
