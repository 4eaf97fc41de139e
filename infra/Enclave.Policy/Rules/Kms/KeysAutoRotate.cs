using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>R17 / CIS 4.16: every Vault key rotates automatically at least yearly.</summary>
public sealed class KeysAutoRotate : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-001", "Keys rotate automatically at least yearly", Severity.High, Enforcement.Mandatory,
        "A key that never rotates leaves every object it ever encrypted exposed to one compromise; CIS requires a key version younger than a year.",
        "Set isAutoRotationEnabled: true and autoKeyRotationDetails.rotationIntervalInDays to at most 365.",
        Cis: "4.16")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var max = context.Policy.MaxKeyRotationDays;
        foreach (var key in context.Graph.OfType(OciTypes.Key))
        {
            var interval = key.Input("autoKeyRotationDetails")["rotationIntervalInDays"];
            sink.Judge(key.Urn, key.Label, new Assessment()
                .Require(key.Input("isAutoRotationEnabled").EqualsBool(true), "isAutoRotationEnabled is true")
                .Require(interval.Test(v => v.AsNumber() is { } d && d > 0 && d <= max), $"rotation interval ({interval}) is set and at most {max} days"));
        }
    }
}
