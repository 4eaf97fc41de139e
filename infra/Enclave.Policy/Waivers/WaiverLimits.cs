using Enclave.Policy.Rules;

namespace Enclave.Policy.Waivers;

/// <summary>
/// What a waiver may do, so that waivers cannot switch the gate off: one rule per waiver, a lifetime of at most
/// <see cref="MaxLifetimeDays"/> from <see cref="Today"/> (a user may lower it, never raise it), critical mandatory
/// rules only with an explicit <c>critical: true</c> and an approver, and a URN glob that matches more than one
/// resource only when the waiver says <c>matches: many</c> (<see cref="WaiverSet.UsableOn"/>).
/// </summary>
public sealed record WaiverLimits
{
    public const int MaxLifetimeDays = 90;

    public WaiverLimits(DateOnly today, int maxDays = MaxLifetimeDays)
    {
        if (maxDays is < 1 or > MaxLifetimeDays)
            throw new ArgumentOutOfRangeException(nameof(maxDays), maxDays, $"a waiver lasts 1 to {MaxLifetimeDays} days");
        Today = today;
        MaxDays = maxDays;
    }

    public DateOnly Today { get; }
    public int MaxDays { get; }
    public DateOnly LatestExpiry => Today.AddDays(MaxDays);

    /// <summary>Rules whose waiver needs <c>critical: true</c> and an approver.</summary>
    public static bool IsCritical(RuleInfo rule) => rule is { Severity: Severity.Critical, Enforcement: Enforcement.Mandatory };
}
