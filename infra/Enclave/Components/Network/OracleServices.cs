using Enclave.Configuration;
using Pulumi;

namespace Enclave.Components.Network;

/// <summary>An Oracle Services Network service a service gateway can reach: its OCID and its route-rule label.</summary>
public sealed record OracleService(string Id, string CidrLabel);

/// <summary>
/// Picks the service-gateway service by its CIDR label, as the landing zone does: either every Oracle service of the
/// region (<c>all-&lt;key&gt;-services-in-oracle-services-network</c>) or Object Storage only
/// (<c>oci-&lt;key&gt;-objectstorage</c>). A service gateway is regional, so either choice keeps traffic in-region.
/// </summary>
public static class OracleServices
{
    public static bool Matches(ServiceGatewayScope scope, string cidrLabel) => scope switch
    {
        ServiceGatewayScope.ObjectStorage =>
            cidrLabel.StartsWith("oci-", StringComparison.Ordinal) && cidrLabel.EndsWith("-objectstorage", StringComparison.Ordinal),
        _ => cidrLabel.StartsWith("all-", StringComparison.Ordinal) &&
             cidrLabel.EndsWith("-services-in-oracle-services-network", StringComparison.Ordinal),
    };

    public static OracleService Pick(ServiceGatewayScope scope, string region, IEnumerable<OracleService> offered)
    {
        var list = offered.ToList();
        return list.FirstOrDefault(s => Matches(scope, s.CidrLabel))
               ?? throw new RunException(
                   $"No Oracle Services Network service for network.serviceGateway={scope} in {region}; " +
                   $"the region offers: {string.Join(", ", list.Select(s => s.CidrLabel))}.");
    }
}
