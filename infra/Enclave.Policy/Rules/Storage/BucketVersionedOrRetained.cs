using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>R12 / CIS 5.1.3: buckets keep overwritten data (versioning) or lock it (retention rules).</summary>
public sealed class BucketVersionedOrRetained : BucketRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-STO-003", "Buckets are versioned or retention-locked", Severity.Medium, Enforcement.Mandatory,
        "Without versioning or a retention rule an overwrite or delete destroys data and audit evidence for good. OCI does not allow both on one bucket, so either counts.",
        "Set versioning: Enabled, or add a retention rule (locked for archive buckets).",
        Cis: "5.1.3")
    {
        Scope = RuleScope.Resource,
    };

    protected override Assessment Assess(RuleContext context, ResourceNode bucket, Assessment a)
    {
        var versioned = bucket.Input("versioning").EqualsString("Enabled", StringComparison.OrdinalIgnoreCase);
        var rules = bucket.Input("retentionRules");
        var retained = rules.IsKnown ? TruthLogic.Of(rules.AsList().Length > 0) : Truth.Unknown;
        return a.Require(versioned.Or(retained),
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            "versioning is Enabled or a retention rule is set");
    }
}
