using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// ENC-LOG-080: every service log (flow logs, bucket read/write logs) keeps its records as long as the stack config
/// says (<c>logging.logRetentionDays</c>). ENC-LOG-005 is Oracle's 90-day floor, advisory; once the stack declares its
/// own retention, a log kept shorter is a change that quietly deletes evidence before the declared window ends, so it
/// blocks. A log whose retention is not set keeps OCI's default of 30 days.
/// </summary>
public sealed class LogsKeptAsDeclared : SinkRuleBase
{
    private const int OciDefaultDays = 30;

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-080", "Service logs are kept as long as the stack declares", Severity.Medium, Enforcement.Mandatory,
        "Flow logs and bucket access logs are what an investigation of a leak reads first; cutting a log's retention below the stack's declared window (logging.logRetentionDays) deletes that evidence early, out of sight of the archive rules, which look only at what was shipped.",
        "Set retentionDuration of every Logging.Log to at least logging.logRetentionDays of the stack config (OCI's default, when unset, is 30 days).")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        if (context.Policy.LogRetentionDays is not { } declared) return;  // nothing declared: ENC-LOG-005 alone
        foreach (var log in context.Graph.OfType(OciTypes.Log))
        {
            var value = log.Input("retentionDuration");
            var days = value.IsNull ? OciDefaultDays : Numbers.Of(value);
            var outcome = value.IsKnown || value.IsNull ? TruthLogic.Of(days >= declared) : Truth.Unknown;
            sink.Judge(log.Urn, outcome,
                $"{log.Label}: kept {days} days, at least the declared {declared}",
                days is null ? $"{log.Label}: retention {value} is not a number of days (the stack declares {declared})"
                    : $"{log.Label}: kept {days} days, below the stack's declared {declared} (logging.logRetentionDays)",
                $"{log.Label}: retention {value} is not known, so it may be below the declared {declared} days");
        }
    }
}
