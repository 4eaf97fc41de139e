using Enclave.Policy.Graph;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Waivers;

/// <summary>
/// What a waiver may do, so that waivers cannot switch the gate off: one rule per waiver, a lifetime of at most
/// <see cref="MaxLifetimeDays"/> from <see cref="Today"/> (a user may lower it, never raise it), critical mandatory
/// rules only with an explicit <c>critical: true</c> and an approver, and a URN glob that matches more than one
/// resource only when the waiver says <c>matches: many</c> (<see cref="TooBroad"/>).
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

    /// <summary>
    /// Does the waiver's URN glob match more than one resource of the graph without saying <c>matches: many</c>? Such a
    /// waiver suppresses nothing (ENC-GOV-901 fails it): a glob that quietly covers new resources is a gate switched off.
    /// </summary>
    public static bool TooBroad(Waiver waiver, ResourceGraph graph)
    {
        if (waiver.MatchesMany) return false;
        var matched = 0;
        foreach (var r in graph.Resources)
            if (waiver.MatchesUrn(r.Urn) && ++matched > 1) return true;
        return false;
    }
}
