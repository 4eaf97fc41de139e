using System.Globalization;
using Enclave.Policy.Inputs;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Engine;

/// <summary>
/// How much memory one judgement's findings may keep, by the size of the file they were read from. The loader bounds
/// the graph (<see cref="Loaders.LoadLimits"/>), but the rules then make a finding per rule per resource, and a
/// resource's findings cost the same however small the file writes it: 20,000 policies of 360 bytes, each granting
/// <c>any-user</c> everything (7 MB), made 440,000 findings and reached 290–340 MB for <c>check</c> and 760 MB for
/// <c>diff</c>. Each finding is charged as it is made (an estimate of what the report keeps: its slot in the report's
/// arrays, its message's parts, its evidence), so the run stops at the budget instead of after it: past
/// <see cref="FloorBytes"/> the findings may keep <see cref="PerInputByte"/> bytes per byte of the file. Real
/// artifacts keep about half of that (the synthetic 100k-resource state of <c>bench/scale.sh</c>: 0.4 per byte).
/// Graphs not read from a file (an offline run, the policy pack's) have no budget: their size is the program's.
/// </summary>
public sealed record FindingBudget
{
    public const string Variable = "ENCLAVE_MAX_FINDINGS_MEMORY";

    public static readonly FindingBudget Default = new();

    /// <summary>Estimated memory any file's findings may keep: 32 MiB (about 170,000 findings), so small files are never refused.</summary>
    public long FloorBytes { get; init; } = 32L << 20;

    /// <summary>Estimated memory the findings may keep per byte of the file past <see cref="FloorBytes"/>: 1.</summary>
    public double PerInputByte { get; init; } = 1.0;

    /// <summary>
    /// The budget for a file of <paramref name="inputBytes"/>: <see cref="Variable"/> when set (a size, e.g. 2G), else
    /// the larger of the floor and <see cref="PerInputByte"/> times the file.
    /// </summary>
    /// <exception cref="InputLimitException">The variable is set to something that is not a positive size.</exception>
    public long LimitFor(long inputBytes) =>
        InputLimits.MaxBytes(Variable, Math.Max(FloorBytes, (long)Math.Min(long.MaxValue / 2, inputBytes * PerInputByte)));

    /// <summary>A meter for one judgement of <paramref name="source"/> (null: none, a graph not read from a file).</summary>
    internal Meter? For(long? inputBytes, string? source) =>
        inputBytes is { } bytes ? new Meter(LimitFor(bytes), bytes, source) : null;

    /// <summary>Estimated bytes a report keeps for one finding: its slot (the gathering buffer, rounded up to a power
    /// of two, and the sorted copy: 160), a reference per part of its message or the message made whole, and its evidence lines.</summary>
    internal static long Cost(FindingText text, System.Collections.Immutable.ImmutableArray<string> details)
    {
        long cost = 160 + 8L * text.PartCount + 2L * text.OwnedLength;
        if (!details.IsDefault)
            foreach (var d in details) cost += 32 + 2L * (d?.Length ?? 0);
        return cost;
    }

    internal sealed class Meter(long limit, long inputBytes, string? source)
    {
        private long _spent;
        private long _findings;

        public void Charge(FindingText text, System.Collections.Immutable.ImmutableArray<string> details)
        {
            _findings++;
            if ((_spent += Cost(text, details)) > limit) throw new FindingBudgetException(source, limit, inputBytes, _findings);
        }
    }
}

/// <summary>
/// The rules' findings on a file would keep more memory than <see cref="FindingBudget"/> allows for its size: a file
/// written to balloon, not a defect. An <see cref="AccessBudgetException"/>, so every command (and the policy pack)
/// reports it as the other work budgets are: one line, exit 3, nothing written to <c>--output</c>.
/// </summary>
public sealed class FindingBudgetException(string? source, long limit, long inputBytes, long findings)
    : AccessBudgetException(limit, $"{(source is null ? "the input" : source)}: the rules' findings would keep more than " +
        $"{InputLimits.Describe(limit)} of memory ({findings.ToString("N0", CultureInfo.InvariantCulture)} findings so far) for a file of " +
        $"{InputLimits.Describe(inputBytes)}; past {InputLimits.Describe(FindingBudget.Default.FloorBytes)} a file's findings may keep " +
        $"about its own size (real Pulumi artifacts keep less than half; many resources each failing many rules with long " +
        $"messages keep far more); set {FindingBudget.Variable} to a size such as 2G to raise it");
