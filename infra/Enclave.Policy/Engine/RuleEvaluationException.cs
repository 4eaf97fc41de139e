namespace Enclave.Policy.Engine;

/// <summary>A rule threw: a defect in the rule, reported with its id instead of a partial report.</summary>
public sealed class RuleEvaluationException(string ruleId, Exception inner)
    : Exception($"rule {ruleId} failed: {inner.GetType().Name}: {inner.Message}", inner)
{
    public string RuleId { get; } = ruleId;
}
