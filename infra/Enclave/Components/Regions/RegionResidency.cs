using System.Collections.Immutable;
using Enclave.Configuration;
using Pulumi;

namespace Enclave.Components.Regions;

/// <summary>One region subscription of the tenancy, as reported by OCI.</summary>
public sealed record SubscribedRegion(string Name, bool IsHome);

/// <summary>
/// Data residency at the tenancy level: an enclave tenancy may only be subscribed to allowed US regions (otherwise a
/// resource could be created outside the US by anyone granted access), and IAM must live in the home region we think
/// it does.
/// </summary>
public static class RegionResidency
{
    public static ImmutableArray<string> Verify(EnclaveSettings settings, IReadOnlyList<SubscribedRegion> subscriptions)
    {
        var problems = new List<string>();
        var outside = subscriptions.Where(s => !settings.AllowedRegions.Contains(s.Name)).Select(s => s.Name).ToList();
        if (outside.Count > 0)
            problems.Add($"the tenancy is subscribed to region(s) outside allowedRegions: {string.Join(", ", outside)} " +
                         $"(allowed: {string.Join(", ", settings.AllowedRegions)})");

        var home = subscriptions.FirstOrDefault(s => s.IsHome)?.Name;
        if (home is not null && home != settings.HomeRegion)
            problems.Add($"homeRegion is '{settings.HomeRegion}' but the tenancy's home region is '{home}'");

        var needed = new[] { settings.DeploymentRegion, settings.Database.StandbyRegion }.OfType<string>();
        foreach (var region in needed.Where(r => subscriptions.All(s => s.Name != r)))
            problems.Add($"the tenancy is not subscribed to region '{region}' used by this stack");

        if (problems.Count > 0)
            throw new RunException($"Region residency check failed for tenancy {settings.TenancyOcid}: " +
                                   string.Join("; ", problems) + ".");
        return [.. subscriptions.Select(s => s.Name)];
    }
}
