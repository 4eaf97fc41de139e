using Pulumi;

namespace Enclave.Components.Regions;

/// <summary>
/// A region the enclave uses, the provider that reaches it, and why the enclave uses it: the deployment region (data,
/// network, keys), the home region (IAM, whose audit events are recorded there only) and the database standby region.
/// One region can play several roles (e.g. home = deployment).
/// </summary>
/// <param name="Provider">Null for the deployment region: the stack's default provider.</param>
public sealed record EnclaveRegion(string Name, ProviderResource? Provider, bool IsDeployment, bool IsHome, bool IsStandby)
{
    /// <summary>The regions of a stack, deployment region first, each once: home and standby added when different.</summary>
    public static IReadOnlyList<EnclaveRegion> Of(string deployment, string home, ProviderResource homeProvider,
        string? standby, ProviderResource? standbyProvider)
    {
        var regions = new List<EnclaveRegion>
        {
            new(deployment, Provider: null, IsDeployment: true, IsHome: home == deployment, IsStandby: false),
        };
        if (home != deployment)
            regions.Add(new EnclaveRegion(home, homeProvider, IsDeployment: false, IsHome: true, IsStandby: home == standby));
        if (standby is not null && standbyProvider is not null && regions.All(r => r.Name != standby))
            regions.Add(new EnclaveRegion(standby, standbyProvider, IsDeployment: false, IsHome: false, IsStandby: true));
        return regions;
    }
}
