using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>R14: the tenancy's audit configuration keeps events for the required period (365 days).</summary>
public sealed class AuditRetention : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-003", "Audit log retention is 365 days", Severity.Medium, Enforcement.Mandatory,
        "The audit log is the gatekeepers' evidence of every API call; OCI keeps it 365 days only when told to.",
        "Declare oci.Audit.Configuration on the tenancy with retentionPeriodDays: 365.",
        Cis: "v1.2 3.1");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var required = context.Policy.AuditRetentionDays;
        var configs = context.Graph.OfType(OciTypes.AuditConfiguration).ToList();
        if (configs.Count == 0)
            sink.Fail(Scope.StackUrn(context.Graph), "no Audit.Configuration declared: retention stays at the 90-day default");
        foreach (var config in configs)
        {
            var days = config.Input("retentionPeriodDays");
            sink.Judge(config.Urn, days.Test(v => v.AsNumber() >= required),
                $"{config.Label}: retention {days} days", $"{config.Label}: retention {days} days, below {required}",
                $"{config.Label}: retention not known until deploy");
        }
    }
}
