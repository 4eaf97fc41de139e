namespace Enclave.Policy.Rules;

public enum Severity { Low, Medium, High, Critical }

/// <summary>Mandatory rules fail the gate; advisory ones are reported only (unless --fail-on reaches them).</summary>
public enum Enforcement { Mandatory, Advisory }

/// <summary>
/// What a rule reads to judge a resource. Every rule runs offline and on files; inside <c>pulumi preview</c> and
/// <c>pulumi up</c> (the policy pack) the scope decides when: the engine shows a policy pack one resource at a time as
/// the program registers it (inputs and options only), and the whole stack once at the end.
/// </summary>
public enum RuleScope
{
    /// <summary>Reads other resources too (references, network paths, the IAM model): judged on the whole stack.</summary>
    Stack,

    /// <summary>
    /// Reads only the resource's own inputs, options and provider: judged as each resource is registered, before the
    /// engine creates or changes it. A test holds every such rule to that (same verdict alone as in its stack).
    /// </summary>
    Resource,
}

/// <summary>
/// Catalogue entry of an isolation rule. <see cref="Id"/> is stable forever (reports, waivers and SARIF
/// fingerprints key on it); retire an id rather than reuse it.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>ENC-NET-003</c>.</param>
/// <param name="Cis">CIS OCI Foundations Benchmark v3.0 recommendation(s), e.g. "2.5", when one maps.</param>
public sealed record RuleInfo(
    string Id,
    string Title,
    Severity Severity,
    Enforcement Enforcement,
    string Rationale,
    string Remediation,
    string? Cis = null)
{
    /// <summary>What the rule reads (see <see cref="RuleScope"/>); <see cref="RuleScope.Stack"/> unless a rule says otherwise.</summary>
    public RuleScope Scope { get; init; } = RuleScope.Stack;
}
