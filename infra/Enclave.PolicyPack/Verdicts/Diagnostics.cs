using System.Text;
using Enclave.Escaping;
using Enclave.Policy.Engine;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;
using Enclave.PolicyPack.Policies;
using Enclave.PolicyPack.Protocol;

namespace Enclave.PolicyPack.Verdicts;

/// <summary>
/// A rule's failed or undetermined finding as the engine's <see cref="AnalyzeDiagnostic"/>: policy = rule id, the
/// finding's URN and message, and the enforcement level the gate gives it. Whether a finding blocks is decided by the
/// gate's own decision point (<see cref="ReportSet.Blocks"/>), so the pack blocks exactly what `enclave check` fails on.
/// </summary>
internal static class Diagnostics
{
    /// <summary>Evidence lines shown per finding (the JSON and SARIF reports of `enclave check` carry all of them).</summary>
    private const int MaxEvidence = 5;

    /// <summary>Longest message or evidence line (values come from the program: the shared escaper also cuts them).</summary>
    private const int MaxLine = 2000;

    public static AnalyzeDiagnostic For(ReportedFinding finding, ReportSet gate) => new()
    {
        PolicyName = finding.RuleId,
        PolicyPackName = PackPolicies.Name,
        PolicyPackVersion = PackPolicies.Version,
        Description = finding.Rule.Title,
        Message = Message(finding),
        EnforcementLevel = gate.Blocks(finding) ? EnforcementLevel.Mandatory : EnforcementLevel.Advisory,
        Urn = finding.Urn,
        Severity = PackPolicies.SeverityOf(finding.Severity),
    };

    /// <summary>Does a finding become a diagnostic? Passes do not, nor what a waiver suppressed.</summary>
    public static bool Reported(ReportedFinding finding) => finding.Status is FindingStatus.Fail or FindingStatus.Undetermined;

    private static string Message(ReportedFinding f)
    {
        var text = new StringBuilder();
        if (f.Status == FindingStatus.Undetermined) text.Append("undetermined: ");
        text.Append(SafeText.Escape(f.Finding.Message, MaxLine));
        var evidence = f.Finding.Evidence;
        for (var i = 0; i < evidence.Length && i < MaxEvidence; i++) text.Append("\n  - ").Append(SafeText.Escape(evidence[i], MaxLine));
        if (evidence.Length > MaxEvidence) text.Append($"\n  - … and {evidence.Length - MaxEvidence} more (enclave check lists them all)");
        text.Append("\nRemediation: ").Append(f.Rule.Remediation);
        return text.ToString();
    }
}
