using System.Text;
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
        text.Append(SafeText.Line(f.Finding.Message));
        var evidence = f.Finding.Evidence;
        for (var i = 0; i < evidence.Length && i < MaxEvidence; i++) text.Append("\n  - ").Append(SafeText.Line(evidence[i]));
        if (evidence.Length > MaxEvidence) text.Append($"\n  - … and {evidence.Length - MaxEvidence} more (enclave check lists them all)");
        text.Append("\nRemediation: ").Append(f.Rule.Remediation);
        return text.ToString();
    }
}

/// <summary>
/// Text from the program's values (names, CIDRs, statements) made safe for the CLI's terminal: control and
/// bidirectional-override characters are shown as <c>\uXXXX</c>, and a line is cut at 2,000 characters.
/// </summary>
internal static class SafeText
{
    private const int MaxLine = 2000;

    public static string Line(string text)
    {
        var clean = true;
        foreach (var c in text)
            if (Unsafe(c)) { clean = false; break; }
        if (clean && text.Length <= MaxLine) return text;
        var sb = new StringBuilder(Math.Min(text.Length, MaxLine) + 16);
        foreach (var c in text)
        {
            if (sb.Length >= MaxLine) { sb.Append('…'); break; }
            if (Unsafe(c)) sb.Append($"\\u{(int)c:x4}"); else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool Unsafe(char c) =>
        char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029';
}
