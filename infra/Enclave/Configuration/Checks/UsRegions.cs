using System.Collections.Immutable;

namespace Enclave.Configuration.Checks;

/// <summary>
/// The US regions of OCI's commercial realm (oc1). Government realms (oc2, oc3) are separate tenancies and out of
/// scope. us-saltlake-2 is a newer oc1 region not every tenancy has, so it is accepted only when listed explicitly.
/// </summary>
public static class UsRegions
{
    /// <summary>The default allow-list (also the default of <c>us-data-enclave:allowedRegions</c> in Pulumi.yaml).</summary>
    public static readonly ImmutableArray<string> Default = ["us-ashburn-1", "us-phoenix-1", "us-sanjose-1", "us-chicago-1"];

    /// <summary>US commercial regions that may be allowed only by listing them.</summary>
    public static readonly ImmutableArray<string> OptIn = ["us-saltlake-2"];

    /// <summary>Region name → three-letter region key (used in OCIDs and service names).</summary>
    public static readonly ImmutableDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["us-ashburn-1"] = "IAD",
        ["us-phoenix-1"] = "PHX",
        ["us-sanjose-1"] = "SJC",
        ["us-chicago-1"] = "ORD",
        ["us-saltlake-2"] = "AGA",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static bool IsUsCommercial(string region) => Default.Contains(region) || OptIn.Contains(region);

    /// <summary>What is allowed, for messages.</summary>
    public static string Describe =>
        $"{string.Join(", ", Default)} (and {string.Join(", ", OptIn)} when listed in {ConfigKeys.AllowedRegions})";
}
