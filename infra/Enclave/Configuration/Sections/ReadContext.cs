using System.Collections.Immutable;
using System.Net;

namespace Enclave.Configuration.Sections;

/// <summary>What later sections check against: the parent company's exclusions and the region allow-list,
/// read first so that every section can report its own conflicts with them; and the near-open limits.</summary>
internal sealed record ReadContext(
    ParentExclusionSettings Exclusions,
    ImmutableArray<(string Key, IPNetwork2 Block)> ParentCidrs,
    ImmutableArray<string> AllowedRegions,
    string? DeploymentRegion)
{
    /// <summary>How narrow a network must be not to count as open (<c>minimumPrefix</c>).</summary>
    public Networks.PrefixLimits Limits { get; init; } = Networks.PrefixLimits.Default;
}
