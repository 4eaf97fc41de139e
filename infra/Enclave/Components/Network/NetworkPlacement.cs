using Pulumi;

namespace Enclave.Components.Network;

/// <summary>
/// Where one copy of the enclave network goes: the primary copy in the deployment region (default provider), or the
/// standby copy in the database standby region (so the standby database also gets a private endpoint).
/// </summary>
/// <param name="Role"><c>primary</c> or <c>standby</c>; used in display names.</param>
/// <param name="Provider">Null for the deployment region (the stack's default provider).</param>
public sealed record NetworkPlacement(string Role, string Region, ProviderResource? Provider)
{
    public bool IsPrimary => Provider is null;
}
