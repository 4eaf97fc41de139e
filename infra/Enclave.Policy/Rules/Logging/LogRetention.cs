using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>Oracle best practice LAM-19: service logs are kept at least 90 days in Logging.</summary>
public sealed class LogRetention : SinkRuleBase
{
    private const int MinimumDays = 90;

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-005", "Service logs are kept at least 90 days", Severity.Low, Enforcement.Advisory,
        "Logging keeps logs 30 days by default; investigations need longer (the archive bucket keeps the long-term copy).",
        "Set retentionDuration to 90 or more (30-day steps up to 180).",
        Cis: "OBP LAM-19");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var log in context.Graph.OfType(OciTypes.Log))
        {
            var days = log.Input("retentionDuration");
            var effective = days.IsNull ? PropertyValue.Of(30) : days;
            // Only the message of the verdict reached is formatted.
            switch (effective.Test(v => v.AsNumber() >= MinimumDays))
            {
                case Truth.True: sink.Pass(log.Urn, $"{log.Label}: kept {effective} days"); break;
                case Truth.False: sink.Fail(log.Urn, $"{log.Label}: kept {effective} days, below {MinimumDays}"); break;
                default: sink.Undetermined(log.Urn, $"{log.Label}: retention not known until deploy"); break;
            }
        }
    }
}
