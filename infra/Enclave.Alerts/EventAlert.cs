using System.Collections.Immutable;

namespace Enclave.Alerts;

/// <summary>
/// One root-compartment event rule: the Oracle event types it routes to the gatekeepers' topic. <see cref="Cis"/> is
/// the CIS OCI v3.0 recommendation it satisfies (null beyond CIS). <see cref="CheckerAliases"/> are strings that are
/// not Oracle event types but that third-party CIS checkers still look for; the program lists them too so those
/// checkers pass, the gate never requires them.
/// </summary>
public sealed record EventAlert(
    string Slug,
    string Topic,
    AlertRegions Regions,
    ImmutableArray<string> EventTypes,
    string? Cis = null)
{
    public ImmutableArray<string> CheckerAliases { get; init; } = [];

    /// <summary>What the program writes into the rule's condition: Oracle's types, then the checker aliases.</summary>
    public ImmutableArray<string> ConditionTypes => [.. EventTypes, .. CheckerAliases];

    /// <summary>Does this rule exist in a region that is (<paramref name="isHome"/>) or is not the home region?</summary>
    public bool AppliesTo(bool isHome) => isHome || Regions == AlertRegions.EveryEnclaveRegion;
}
