namespace Enclave.Policy.Waivers;

/// <summary>
/// An accepted risk: findings of rule <see cref="Rule"/> (one rule id, never a pattern) on resources whose URN matches
/// <see cref="UrnPattern"/> (glob: <c>*</c> any run of characters, <c>?</c> one) are reported as suppressed, with
/// <see cref="Reason"/>, until <see cref="Expires"/> (inclusive). After that the waiver no longer suppresses and is
/// itself a violation. What a waiver file may say is checked when it is read (<see cref="WaiverLimits"/>).
/// </summary>
public sealed record Waiver(string Rule, string UrnPattern, string Reason, DateOnly Expires, string? File = null, int Line = 0)
{
    /// <summary>The file says, for this waiver, that it waives a critical mandatory rule (with <see cref="Approver"/>).</summary>
    public bool Critical { get; init; }

    /// <summary>Who accepted the risk (required for a critical rule).</summary>
    public string? Approver { get; init; }

    /// <summary>The file says the URN glob is meant to match more than one resource (<c>matches: many</c>).</summary>
    public bool MatchesMany { get; init; }

    /// <summary>Where the waiver is written, <c>file:line</c>, for messages.</summary>
    public string Location => File is null ? $"waiver {Rule} {UrnPattern}" : $"{File}:{Line}";

    public bool IsExpired(DateOnly today) => today > Expires;

    public bool Matches(string ruleId, string urn) => string.Equals(Rule, ruleId, StringComparison.Ordinal) && MatchesUrn(urn);

    public bool MatchesUrn(string urn) => UrnGlob.Matches(UrnPattern, urn);
}
