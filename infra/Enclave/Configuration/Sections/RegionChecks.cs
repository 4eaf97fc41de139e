using System.Collections.Immutable;
using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary>US-only regions: the allow-list itself, and every region the enclave uses.</summary>
internal static class RegionChecks
{
    /// <summary><c>us-data-enclave:allowedRegions</c> (default: the four US commercial regions). Non-US entries are
    /// reported and left out, so that later checks still run against the valid part of the list.</summary>
    public static ImmutableArray<string> ReadAllowed(ConfigReader r)
    {
        var listed = r.StringList(ConfigKeys.AllowedRegions, "a list of US region names, e.g. [us-ashburn-1, us-phoenix-1]", required: false);
        if (listed is not { } regions) return UsRegions.Default;
        if (regions.IsEmpty)
        {
            r.Report(ConfigKeys.AllowedRegions, $"is empty; list at least the deployment and home regions, from {UsRegions.Describe}");
            return [];
        }
        var allowed = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < regions.Length; i++)
        {
            if (UsRegions.IsUsCommercial(regions[i])) allowed.Add(regions[i]);
            else r.Report($"{ConfigKeys.AllowedRegions}[{i}]", NotUs(regions[i]));
        }
        return allowed.ToImmutable();
    }

    /// <summary>Reports <paramref name="region"/> unless it is a US commercial region in the allow-list.</summary>
    public static bool Check(ConfigReader r, string key, string region, ImmutableArray<string> allowed)
    {
        if (!UsRegions.IsUsCommercial(region))
        {
            r.Report(key, NotUs(region));
            return false;
        }
        if (!allowed.Contains(region))
        {
            r.Report(key, $"'{region}' is not in {ConfigKeys.AllowedRegions} ({string.Join(", ", allowed)}); " +
                          "add it there or choose one of those regions");
            return false;
        }
        return true;
    }

    private static string NotUs(string region) =>
        $"'{region}' is not a US commercial region; allowed: {UsRegions.Describe}";
}
