using System.Globalization;
using Enclave.Policy.Inputs;
using Enclave.Policy.Reports;

namespace Enclave.Policy.Waivers;

/// <summary>
/// How much URN-glob matching one judgement may cost (<c>ENCLAVE_MAX_WAIVER_WORK</c>, else 4,000,000,000 steps). A
/// glob is linear per match (<see cref="UrnGlob"/>) and a file holds at most 100 of them, but both the findings and
/// the URNs come from the artifact: 100 globs × every failing finding × a URN of megabytes is unbounded, so the steps
/// are counted as they are spent (a step is one URN character read by the greedy matcher, or by each 64-state word of
/// the automaton) and the run stops at the budget. Measured (Release, load average ≈ 30 on 2 cores, so CPU figures are
/// high): ≈ 5 ns a step; 100 globs like <c>urn:pulumi:prod::*::oci:Core/vcn:Vcn::team-7-*</c> (without
/// <c>matches: many</c>, so each is matched against every resource) over the synthetic 100k-resource state of
/// <c>bench/scale.sh</c> spend 1–2 billion steps (≈ 5 s of CPU there); 200k resources about twice that, under the
/// default. The same globs with <c>matches: many</c> are tried only on failing findings of their rule. Since each
/// glob's longest literal run is searched for first (<see cref="UrnGlob"/>, a step per 16 characters), such globs spend
/// under 15 steps per URN instead of ~110: 100 of them over 200k resources, under a tenth of the budget.
/// </summary>
public static class GlobWorkBudget
{
    public const string Variable = "ENCLAVE_MAX_WAIVER_WORK";
    public const long DefaultMaxSteps = 4_000_000_000;

    /// <summary>The budget in force: <see cref="Variable"/> when set, else <see cref="DefaultMaxSteps"/>.</summary>
    /// <exception cref="InputLimitException">The variable is set to something that is not a positive count.</exception>
    public static long MaxSteps => InputLimits.MaxCount(Variable, DefaultMaxSteps);
}

/// <summary>Steps spent matching one waiver file's globs in one judgement; shared by the sets made from it, safe across threads.</summary>
internal sealed class GlobWork(long limit, string? source)
{
    private long _spent;

    public void Charge(long steps)
    {
        if (Interlocked.Add(ref _spent, steps) > limit) throw new WaiverWorkLimitException(source, limit);
    }
}

/// <summary>
/// Matching a waiver file's URN globs would pass <see cref="GlobWorkBudget"/>: a hostile pair of waiver file and
/// artifact, not a defect. An <see cref="AccessBudgetException"/>, so every command (and the policy pack) reports it
/// as the other work budgets are: one line, exit 3, nothing written to <c>--output</c>.
/// </summary>
public sealed class WaiverWorkLimitException(string? source, long limit)
    : AccessBudgetException(limit, $"{(source is null ? "the waivers'" : $"waiver file {source}:")} URN globs would take more than " +
        $"{limit.ToString("N0", CultureInfo.InvariantCulture)} steps to match against the resources' URNs (a step is a URN " +
        $"character read for one glob; fewer globs, exact URNs or shorter URNs cost less; set {GlobWorkBudget.Variable} to raise it)");
