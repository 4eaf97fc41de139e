namespace Enclave.Policy.Engine;

/// <summary>
/// The evaluator's own bookkeeping threw while it recorded a rule's finding (judging it fail-closed, looking up its
/// waiver, charging it to the budget, keeping it): a defect of the gate, not of the rule that was running, so it is
/// not reported under that rule's id (<see cref="RuleEvaluationException"/>). Still an internal error: nothing is judged.
/// </summary>
public sealed class GateFaultException(string ruleId, Exception inner)
    : Exception($"the gate's evaluator failed while recording a finding of rule {ruleId} (a defect of the gate, not of the rule): " +
        $"{inner.GetType().Name}: {inner.Message}", inner)
{
    /// <summary>The rule whose finding was being recorded (for the report to the maintainers, not to blame it).</summary>
    public string RuleId { get; } = ruleId;
}
