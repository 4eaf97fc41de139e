namespace Enclave.Policy.Rules;

public enum Severity { Low, Medium, High, Critical }

/// <summary>Mandatory rules fail the gate; advisory ones are reported only (unless --fail-on reaches them).</summary>
public enum Enforcement { Mandatory, Advisory }

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
    string? Cis = null);
