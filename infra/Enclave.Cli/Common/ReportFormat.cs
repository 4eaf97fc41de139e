using System.CommandLine;
using Enclave.Policy.Engine;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;

namespace Enclave.Cli.Common;

/// <summary>Output formats of `enclave check`; `rules` and `access` accept the subset they support.</summary>
public enum ReportFormat { Text, Json, Sarif, Junit, Markdown }

/// <summary>Shared option builders and parsers: --format, --output, --fail-on.</summary>
public static class CommonOptions
{
    public static Option<string> Format(params ReportFormat[] allowed)
    {
        var names = allowed.Select(f => f.ToString().ToLowerInvariant()).ToArray();
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", names)}",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong(names);
        return option;
    }

    public static ReportFormat ParseFormat(string? value) =>
        Enum.TryParse<ReportFormat>(value, ignoreCase: true, out var f) ? f : ReportFormat.Text;

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the report to FILE instead of stdout (written only when complete; - is stdout; FIFOs and devices are written through, never replaced)",
    };

    public static Option<string?> FailOn() => new("--fail-on")
    {
        Description = "Also fail on advisory violations at or above: low, medium, high, critical",
    };

    public static Severity? ParseSeverity(string? value) =>
        value is null ? null
        : Enum.TryParse<Severity>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(value, out _) ? s
        : throw CliException.Usage($"--fail-on {value}: expected low, medium, high or critical");

    /// <summary>`--undetermined block|warn`: whether findings a mandatory rule could not decide fail closed (default block).</summary>
    public static Option<string> Undetermined()
    {
        var option = new Option<string>("--undetermined")
        {
            Description = "What a mandatory rule that cannot read a value does to the gate: block (default: in a state, plan or " +
                          "offline run every value is known, so what cannot be read fails closed) or warn (report it only)",
            DefaultValueFactory = _ => "block",
        };
        option.AcceptOnlyFromAmong("block", "warn");
        return option;
    }

    public static UndeterminedMode ParseUndetermined(string? value) =>
        string.Equals(value, "warn", StringComparison.Ordinal) ? UndeterminedMode.Warn : UndeterminedMode.Block;

    public static IReportWriter? MachineWriter(ReportFormat format) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Sarif => new SarifReportWriter(),
        ReportFormat.Junit => new JUnitReportWriter(),
        ReportFormat.Markdown => new MarkdownReportWriter(),
        _ => null,
    };
}
