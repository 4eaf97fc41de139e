using System.Collections.Immutable;
using Enclave.Policy.Engine;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Reports;

/// <summary>
/// Everything one `enclave check` run judged: a report per stack plus the gate settings, which every output
/// format renders. <see cref="Passed"/> is the gate's verdict (exit code 0 or 1).
/// </summary>
public sealed record ReportSet(ImmutableArray<PolicyReport> Reports, Severity? FailOn = null, bool SoftFail = false)
{
    public bool Passed => !Reports.Any(r => r.FailsGate(FailOn, SoftFail));

    /// <summary>How undecided findings of mandatory rules were counted (<see cref="FailClosed"/>; applied when evaluating).</summary>
    public UndeterminedMode Undetermined { get; init; } = UndeterminedMode.Block;

    /// <summary>The rules of every report, once each, sorted by id.</summary>
    public ImmutableArray<RuleInfo> Rules => Reports.SelectMany(r => r.Rules).DistinctBy(r => r.Id)
        .OrderBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>Does this finding count against the gate (a violation of a mandatory rule, or at/above the threshold)?</summary>
    public bool Blocks(ReportedFinding f) => !SoftFail && Gated(f);

    /// <summary>A violation the gate counts, soft-fail aside: with --soft-fail it is still reported as a violation.</summary>
    public bool Gated(ReportedFinding f) =>
        f.Status == FindingStatus.Fail && (f.Rule.Enforcement == Enforcement.Mandatory || (FailOn is { } t && f.Severity >= t));

    /// <summary>How reports label a violation: blocking, a violation let through by --soft-fail, or advisory.</summary>
    public string GateLabel(ReportedFinding f) => Blocks(f) ? "blocking" : Gated(f) ? "violation (soft-fail)" : "advisory";
}

/// <summary>Renders a <see cref="ReportSet"/> in one format.</summary>
public interface IReportWriter
{
    void Write(ReportSet set, TextWriter output);
}

/// <summary>Names shared by the machine formats.</summary>
public static class ReportNames
{
    public const string ToolName = "enclave";
    public static readonly string ToolVersion = typeof(ReportNames).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string Lower(Severity s) => LowerNames<Severity>.Of(s);
    public static string Lower(FindingStatus s) => LowerNames<FindingStatus>.Of(s);
    public static string Lower(Enforcement e) => LowerNames<Enforcement>.Of(e);

    // Reports name three enums per finding (hundreds of thousands at scale): each name is lowered once, not per use.
    private static class LowerNames<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Names =
            Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString().ToLowerInvariant());

        public static string Of(T value) => Names.TryGetValue(value, out var name) ? name : value.ToString().ToLowerInvariant();
    }

    /// <summary>Where a stack's configuration lives in the repository (the SARIF location of its findings).</summary>
    public static string StackFile(string stack) => $"stacks/Pulumi.{stack}.yaml";
}
