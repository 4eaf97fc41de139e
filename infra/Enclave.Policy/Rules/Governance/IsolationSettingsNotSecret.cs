using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// A secret is a value the gate can never read. In an isolation-relevant setting (<see cref="IsolationSettings"/>) it
/// would let a grant, a CIDR, a region or a connector target pass unjudged, in a preview as much as in a state; so
/// such settings must never be secret, and this rule fails each one that is.
/// </summary>
public sealed class IsolationSettingsNotSecret : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-006", "Isolation-relevant settings are never secret", Severity.Critical, Enforcement.Mandatory,
        "Policy statements, matching rules, CIDRs, regions, access types, connector sources and targets, route and security rules, ports, keys and retention decide who and what reaches US data. A secret value cannot be read by the gate, by reviewers or by auditors, so a setting that widens access could pass unseen; the gate fails closed on it in every artifact, previews included.",
        "Pass the setting as a plain value (not `Output.CreateSecret`, not a secret stack config key, not `additionalSecretOutputs`). Keep secrets for credentials (passwords, private keys, tokens) only.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        // Read once per graph with ENC-GOV-007's literal settings (IsolationValues): both rules ask the same inputs.
        var values = IsolationValues.For(context.Graph);
        foreach (var (node, key, value) in values.Secrets)
            sink.Fail(node.Urn, $"{node.Label}: {SecretPath(key, value)} is secret, so no rule can judge it; it decides who or what reaches the enclave's data and must be a plain value");
        if (values.Secrets.Count == 0)
            sink.Pass(Scope.StackUrn(context.Graph), $"no isolation-relevant setting is secret ({values.SettingsRead} settings read)");
    }

    /// <summary>The path of the first secret inside <paramref name="value"/> (input <paramref name="key"/>).</summary>
    private static string SecretPath(string key, PropertyValue value)
    {
        if (value is SecretValue) return key;
        foreach (var leaf in PropertyWalk.Leaves(value))
            if (leaf.Value is SecretValue) return key + (leaf.Path.StartsWith('[') ? "" : ".") + leaf.Path;
        return key;
    }
}
