using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>An expired waiver is itself a violation: accepted risks must be re-approved, not forgotten.</summary>
public sealed class ExpiredWaivers : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-900", "Waivers are not expired", Severity.High, Enforcement.Mandatory,
        "A waiver records a risk the gatekeepers accepted for a time; after its expiry nobody has accepted it any more, so the waiver no longer suppresses and must be renewed or removed.",
        "Fix the waived findings and delete the waiver, or have the gatekeepers renew it with a new expiry date.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var w in context.Waivers.Waivers)
            sink.Add(w.IsExpired(context.Today)
                ? Fail(w.UrnPattern, $"waiver for {w.Rule} on {w.UrnPattern} expired on {w.Expires.Iso()} ({w.Location})", [$"reason: {w.Reason}"])
                : Pass(w.UrnPattern, $"waiver for {w.Rule} on {w.UrnPattern} valid until {w.Expires.Iso()} ({w.Location})"));
    }
}
