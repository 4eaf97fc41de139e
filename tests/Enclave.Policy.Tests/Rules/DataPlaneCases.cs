using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red-team round 4 (network and data plane): egress out of the enclave, undeclared address space and resolvers,
/// peerings with no partner in the stack, bucket events and lifecycle deletes, database flags.
/// </summary>
public static class DataPlaneCases
{
    private static void Lpg(GraphBuilder g, object? peer) =>
        g.Add(OciTypes.LocalPeeringGateway, "lpg", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), peerId = peer });

    private static void EgressRule(GraphBuilder g, object destination, string type = "CIDR_BLOCK") =>
        g.Add(OciTypes.NsgRule, "db-nsg-out", new
        {
            networkSecurityGroupId = Ref("db-nsg"), direction = "EGRESS", protocol = "all", stateless = true, destination, destinationType = type,
        });

    private static void Lifecycle(GraphBuilder g, object action) =>
        g.Add(OciTypes.ObjectLifecyclePolicy, "data-lifecycle", new
        {
            bucket = "usde-dev-data", @namespace = "enclavens",
            rules = new[] { new { name = "expire", action, isEnabled = true, timeAmount = "30", timeUnit = "DAYS" } },
        });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-NET-070", "NSG lets everything out to the internet", "db-nsg-out", g => EgressRule(g, "0.0.0.0/0")),
        new("ENC-NET-070", "security list lets traffic out to a private range outside the VCN", "data-sl", g => g.With("data-sl", "egressSecurityRules",
            new[] { new { protocol = "6", destination = "10.99.0.0/24", destinationType = "CIDR_BLOCK" } })),
        new("ENC-NET-070", "NSG lets traffic out to another team's NSG", "db-nsg-out", g => EgressRule(g, "ocid1.networksecuritygroup.oc1.iad.other", "NETWORK_SECURITY_GROUP")),
        new("ENC-NET-071", "VCN gains an undeclared CIDR block", "vcn", g => g.With("vcn", "cidrBlocks", new[] { "10.0.0.0/16", "10.9.0.0/16" })),
        new("ENC-NET-071", "IPv6 enabled on the VCN", "vcn", g => g.With("vcn", "isIpv6enabled", true)),
        new("ENC-NET-071", "subnet with DHCP options of its own", "data", g => g.With("data", "dhcpOptionsId", "ocid1.dhcpoptions.oc1.iad.custom")),
        new("ENC-NET-072", "peer-less local peering gateway", "lpg", g => Lpg(g, null)),
        new("ENC-NET-072", "local peering gateway whose peer is computed from nothing of the stack", "lpg", g => Lpg(g, Unknown)),
        new("ENC-NET-072", "DRG attachment with its own route table", "drg-att", g =>
        {
            g.Add(OciTypes.Drg, "drg", new { compartmentId = Ref("enclave") });
            g.Add(OciTypes.DrgAttachment, "drg-att", new { drgId = Ref("drg"), vcnId = Ref("vcn"), drgRouteTableId = "ocid1.drgroutetable.oc1.iad.all" });
        }),
        new("ENC-STO-070", "object events off on the data bucket", "data-bucket", g => g.With("data-bucket", "objectEventsEnabled", false)),
        new("ENC-STO-070", "lifecycle rule deletes user data", "data-lifecycle", g => Lifecycle(g, "DELETE")),
        new("ENC-DB-070", "database on the developer tier", "adb", g => g.With("adb", "isDevTier", true)),
        new("ENC-DB-070", "ORDS switched on", "adb", g => g.With("adb", "dbToolsDetails", new[] { new { name = "ORDS", isEnabled = true } })),
        new("ENC-DB-070", "database copied from a foreign one", "adb", g => g.With("adb", "sourceId", "ocid1.autonomousdatabase.oc1.iad.parent")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-NET-070", "egress destination unknown", "db-nsg-out", g => EgressRule(g, Unknown)),
        new("ENC-NET-071", "IPv6 switch unknown", "vcn", g => g.With("vcn", "isIpv6enabled", Unknown)),
        new("ENC-NET-072", "virtual circuit type unknown", "vc", g =>
        {
            g.Add(OciTypes.Drg, "drg", new { compartmentId = Ref("enclave") });
            g.Add(OciTypes.VirtualCircuit, "vc", new { compartmentId = Ref("enclave"), type = Unknown, gatewayId = Ref("drg") });
        }),
        new("ENC-STO-070", "object events switch unknown", "data-bucket", g => g.With("data-bucket", "objectEventsEnabled", Unknown)),
        new("ENC-STO-070", "lifecycle action unknown", "data-lifecycle", g => Lifecycle(g, Unknown)),
        new("ENC-DB-070", "permission level unknown", "adb", g => g.With("adb", "permissionLevel", Unknown)),
    ];
}
