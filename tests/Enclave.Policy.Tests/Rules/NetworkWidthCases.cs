using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>Issues 10.5 (service gateway scope) and 10.6 (near-open networks): changes and the finding each must produce.</summary>
public static class NetworkWidthCases
{
    private static readonly Func<PolicyContext, PolicyContext> ObjectStorageOnly = p => p with { ServiceGatewayObjectStorageOnly = true };

    private static void NsgSource(GraphBuilder g, string source, string direction = "INGRESS", bool stateless = false)
    {
        g.With("db-nsg-in", "source", source);
        g.With("db-nsg-in", "direction", direction);
        g.With("db-nsg-in", "stateless", stateless);
    }

    /// <summary>An Object Storage enclave: the declared Object Storage service attached, its labels in routes and rules.</summary>
    private static void ObjectStorageLabels(GraphBuilder g)
    {
        g.With("sgw", "services", new[] { new { serviceId = "ocid1.service.oc1.iad.os" } });
        g.With("data-rt", "routeRules", new[] { new { networkEntityId = Ref("sgw"), destination = "oci-iad-objectstorage", destinationType = "SERVICE_CIDR_BLOCK" } });
        g.With("data-sl", "egressSecurityRules", new[] { new { protocol = "6", destination = "oci-iad-objectstorage", destinationType = "SERVICE_CIDR_BLOCK" } });
    }

    public static readonly RuleCase[] Failing =
    [
        new("ENC-NET-005", "security list open to 0.0.0.0/1", "data-sl", g => g.With("data-sl", "ingressSecurityRules",
            new[] { new { protocol = "6", source = "0.0.0.0/1", tcpOptions = new { min = 1522, max = 1522 } } })),
        new("ENC-NET-005", "NSG open to the global-unicast IPv6 supernet", "db-nsg-in", g => NsgSource(g, "2000::/3")),
        new("ENC-NET-005", "NSG open to IPv4-mapped any", "db-nsg-in", g => NsgSource(g, "::ffff:0.0.0.0/96")),
        new("ENC-NET-005", "NSG open to ::/0", "db-nsg-in", g => NsgSource(g, "::/0")),
        new("ENC-NET-005", "stateless NSG ingress from 10.0.0.0/8", "db-nsg-in", g => NsgSource(g, "10.0.0.0/8", stateless: true)),
        new("ENC-NET-005", "NSG rule with an invalid direction from the internet", "db-nsg-in", g => NsgSource(g, "0.0.0.0/0", direction: "BOTH")),
        new("ENC-NET-005", "security list source that is no CIDR", "data-sl", g => g.With("data-sl", "ingressSecurityRules",
            new[] { new { protocol = "all", source = "any" } })),
        new("ENC-NET-009", "Bastion open to 0.0.0.0/1", "bastion", g => g.With("bastion", "clientCidrBlockAllowLists", new[] { "0.0.0.0/1" })),
        new("ENC-DB-006", "database ACL of 0.0.0.0/2", "adb", g => g.With("adb", "whitelistedIps", new[] { "0.0.0.0/2" })),
        new("ENC-NET-010", "gatekeeper CIDR near-open in the config", null, _ => { })
        {
            Policy = p => p with { GatekeeperCidrs = ["198.51.100.0/24", "128.0.0.0/1"] },
        },
        new("ENC-NET-010", "on-premises range IPv4-mapped any", null, _ => { })
        {
            Policy = p => p with { OnPremCidrs = ["::ffff:0.0.0.0/96"] },
        },
        new("ENC-NET-011", "route to all Oracle services where the stack says Object Storage only", "data-rt", g => { }) { Policy = ObjectStorageOnly },
        new("ENC-NET-011", "egress rule to all Oracle services", "data-sl", g =>
        {
            ObjectStorageLabels(g);
            g.With("data-sl", "egressSecurityRules", new[] { new { protocol = "6", destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" } });
        }) { Policy = ObjectStorageOnly },
        new("ENC-NET-011", "service gateway attaching a second service", "sgw", g =>
        {
            ObjectStorageLabels(g);
            g.With("sgw", "services", new[] { new { serviceId = "ocid1.service.oc1.iad.os" }, new { serviceId = "ocid1.service.oc1.iad.all" } });
        }) { Policy = ObjectStorageOnly },
        new("ENC-NET-011", "service gateway attaching all services by name", "sgw", g =>
        {
            ObjectStorageLabels(g);
            g.With("sgw", "services", new[] { new { serviceId = "ocid1.service.oc1.iad.all", serviceName = "All IAD Services In Oracle Services Network" } });
        }) { Policy = ObjectStorageOnly },
        // A preview shows the gateway's service by OCID only: swapped for all services', it differs from the declared one.
        new("ENC-NET-011", "service gateway swapped to all services by OCID alone", "sgw", g =>
        {
            ObjectStorageLabels(g);
            g.With("sgw", "services", new[] { new { serviceId = "ocid1.service.oc1.iad.all" } });
        }) { Policy = ObjectStorageOnly },
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-NET-005", "NSG rule of unknown direction from a near-open range", "db-nsg-in", g =>
        {
            g.With("db-nsg-in", "source", "0.0.0.0/1");
            g.With("db-nsg-in", "direction", Unknown);
        }),
        // An unknown service label fails (NsgPeerLineageTests): what stays undetermined is a route list not read at all.
        new("ENC-NET-011", "route rules unknown", "data-rt", g =>
        {
            ObjectStorageLabels(g);
            g.With("data-rt", "routeRules", Unknown);
        }) { Policy = ObjectStorageOnly },
        // No oracleIds.objectStorageServices for the region and no name in the artifact: the OCID could be all services'.
        new("ENC-NET-011", "service gateway's service by OCID alone with none declared", "sgw", g =>
        {
            ObjectStorageLabels(g);
            g.With("sgw", "services", new[] { new { serviceId = "ocid1.service.oc1.iad.os" } });
        }) { Policy = p => p with { ServiceGatewayObjectStorageOnly = true, ObjectStorageServiceIds = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty } },
        new("ENC-NET-011", "service gateway's service computed at deploy", "sgw", g =>
        {
            ObjectStorageLabels(g);
            g.With("sgw", "services", new[] { new { serviceId = Unknown } });
        }) { Policy = ObjectStorageOnly },
    ];
}
