using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>
/// R12 / CIS 5.1.2: buckets are encrypted with a customer-managed key of their own region (Object Storage can only
/// use a key of the bucket's region; a key elsewhere means the bucket cannot be created, or is not the key intended).
/// </summary>
public sealed class BucketCustomerManagedKey : BucketRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-STO-002", "Buckets use a customer-managed key", Severity.High, Enforcement.Mandatory,
        "A Vault key the gatekeepers control lets them revoke access to every object at once; Oracle-managed keys do not.",
        "Set kmsKeyId to a key of the enclave vault in the bucket's region (each region's vault holds its own keys).",
        Cis: "5.1.2");

    protected override Assessment Assess(RuleContext context, ResourceNode bucket, Assessment a)
    {
        var key = bucket.Input("kmsKeyId");
        a.Require(Scope.Present(bucket, "kmsKeyId", key),
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            "kmsKeyId is set");
        var keys = NodeSets.Of(context.Graph, OciTypes.Key);
        if (Scope.IsSet(key) && keys.Count > 0)
            a.Require(References.IdentifiesAny(context.Graph, bucket, "kmsKeyId", key, keys),
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                "the key is a key of this stack");
        if (Scope.IsSet(key))
            a.Require(Regions.ReferencedIn(context.Graph, bucket, "kmsKeyId", key, OciTypes.Key, bucket.Region),
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                $"the key is in the bucket's region ({bucket.Region ?? "not known until deploy"})");
        return a;
    }
}
