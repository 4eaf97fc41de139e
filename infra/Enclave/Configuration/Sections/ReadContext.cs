using System.Collections.Immutable;
using System.Net;

namespace Enclave.Configuration.Sections;

/// <summary>What later sections check against: the parent company's exclusions and the region allow-list,
/// read first so that every section can report its own conflicts with them.</summary>
internal sealed record ReadContext(
    ParentExclusionSettings Exclusions,
    ImmutableArray<(string Key, IPNetwork2 Block)> ParentCidrs,
    ImmutableArray<string> AllowedRegions,
    string? DeploymentRegion);
