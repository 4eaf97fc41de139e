using Enclave.Policy.Rules;

namespace Enclave.Policy.Waivers;

/// <summary>Which findings a waiver may suppress: never the waiver-governance rules themselves.</summary>
public static class WaiverPolicy
{
    public const string GovernanceRulePrefix = "ENC-GOV-9";

    public static bool IsWaivable(RuleInfo rule) => !rule.Id.StartsWith(GovernanceRulePrefix, StringComparison.Ordinal);
}
