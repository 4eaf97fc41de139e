using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>R12 / CIS 5.1.1: buckets allow no public access.</summary>
public sealed class BucketPrivate : BucketRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-STO-001", "Buckets are not public", Severity.Critical, Enforcement.Mandatory,
        "A public bucket serves its objects to anyone with the URL, bypassing IAM and the network entirely.",
        "Set accessType: NoPublicAccess (the default) on every bucket.",
        Cis: "5.1.1")
    {
        Scope = RuleScope.Resource,
    };

    protected override Assessment Assess(RuleContext context, ResourceNode bucket, Assessment a)
    {
        var access = bucket.Input("accessType");
        return a.Require(access.IsNull ? Truth.True : access.EqualsString("NoPublicAccess"),
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            $"accessType is NoPublicAccess (is {access})");
    }
}
