using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static Inert DnsLabel => new(
        "a DNS label names hosts in the VCN's own resolver; which resolver answers is pinned (ENC-NET-071)", "dnsLabel");

    private const string SourcePorts =
        "a source-port range only narrows which packets a rule matches: the reachability model judges every source port as open";

    private static Inert RouteRuleNote => new("a route rule's description says why it exists and routes nothing", "routeRules.description");

    private static Inert[] SecurityListRuleNotes =>
    [
        new("a rule's description says why it exists and lets nothing through", "ingressSecurityRules.description", "egressSecurityRules.description"),
        new(SourcePorts, [.. from d in (string[])["ingressSecurityRules", "egressSecurityRules"] from o in (string[])["tcpOptions", "udpOptions"]
                             from m in (string[])["min", "max"] select $"{d}.{o}.sourcePortRange.{m}"]),
    ];

    private static Fixed[] StatelessRules =>
    [
        new("stateful, as the program writes every rule: the reachability model reads stateful rules, where return traffic is implied",
            Pin.UnsetOrFalse("ingressSecurityRules.stateless")),
        new("stateful, as the program writes every rule: the reachability model reads stateful rules, where return traffic is implied",
            Pin.UnsetOrFalse("egressSecurityRules.stateless")),
    ];

    /// <summary>Who a rule lets in or out and on which ports: what the reachability rules read.</summary>
    private static JudgedBy[] SecurityListRules =>
    [
        new("ENC-NET-030", [.. Ports("ingressSecurityRules"), "ingressSecurityRules.protocol", "ingressSecurityRules.source", "ingressSecurityRules.sourceType"]),
        new("ENC-NET-070", [.. Ports("egressSecurityRules"), "egressSecurityRules.protocol", "egressSecurityRules.destination", "egressSecurityRules.destinationType"]),
    ];

    private static string[] Ports(string rules) =>
        [$"{rules}.tcpOptions.min", $"{rules}.tcpOptions.max", $"{rules}.udpOptions.min", $"{rules}.udpOptions.max",
            $"{rules}.icmpOptions.type", $"{rules}.icmpOptions.code"];

    // A property, not a field: the parts of a partial class initialise in no set order.
    private static ClosedType[] Network =>
    [
        new(OciTypes.Vcn, [Labels("displayName", "definedTags", "freeformTags"), DnsLabel], [],
            [new JudgedBy("ENC-NET-071", "byoipv6cidrDetails") { Whole = true }]),
        new(OciTypes.Subnet, Labels("displayName", "definedTags", "freeformTags"), DnsLabel,
            new Inert("an availability domain places the subnet inside the same region and VCN", "availabilityDomain")),
        new(OciTypes.RouteTable, [Labels("displayName", "definedTags", "freeformTags"), RouteRuleNote],
            [new Fixed("a static rule, as every rule the program writes: a LOCAL route is Oracle's own, never a change's",
                Pin.UnsetOr("routeRules.routeType", "STATIC"))],
            [new JudgedBy("ENC-NET-003", "routeRules.destination", "routeRules.destinationType", "routeRules.cidrBlock", "routeRules.networkEntityId")]),
        // Outside the partial listing but judged (ENC-NET-003 reads their rules): closed to the inputs of pulumi-oci
        // 4.20.0's DefaultRouteTableArgs (the same route-rule fields as a route table's) and RouteTableAttachmentArgs.
        new(OciTypes.DefaultRouteTable, [Labels("displayName", "definedTags", "freeformTags"), RouteRuleNote],
            [new Fixed("a static rule, as every rule the program writes: a LOCAL route is Oracle's own, never a change's",
                Pin.UnsetOr("routeRules.routeType", "STATIC"))],
            [new JudgedBy("ENC-NET-003", "routeRules.destination", "routeRules.destinationType", "routeRules.cidrBlock", "routeRules.networkEntityId")]),
        new(OciTypes.RouteTableAttachment, [], [], []),
        new(OciTypes.SecurityList, [Labels("displayName", "definedTags", "freeformTags"), .. SecurityListRuleNotes], StatelessRules, SecurityListRules),
        new(OciTypes.DefaultSecurityList, [Labels("displayName", "definedTags", "freeformTags"), .. SecurityListRuleNotes], StatelessRules, SecurityListRules),
        new(OciTypes.NetworkSecurityGroup, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.NsgRule, [new Inert("a rule's description says why it exists and lets nothing through", "description"),
                new Inert(SourcePorts, "tcpOptions.sourcePortRange.min", "tcpOptions.sourcePortRange.max",
                    "udpOptions.sourcePortRange.min", "udpOptions.sourcePortRange.max")],
            [new Fixed("stateful, as the program writes every rule: the reachability model reads stateful rules, where return traffic is implied", Pin.UnsetOrFalse("stateless"))],
            [new JudgedBy("ENC-NET-030", "tcpOptions.destinationPortRange.min", "tcpOptions.destinationPortRange.max",
                "udpOptions.destinationPortRange.min", "udpOptions.destinationPortRange.max", "icmpOptions.type", "icmpOptions.code")]),
        new(OciTypes.ServiceGateway, [Labels("displayName", "definedTags", "freeformTags")],
            [new Fixed("the attached service's name is Oracle's, shown in the state; one written into the inputs is only a claim, which ENC-NET-011 never takes as proof",
                Pin.Unset("services.serviceName"))],
            [new JudgedBy("ENC-NET-011", "services.serviceId")]),
        new(OciTypes.InternetGateway, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.NatGateway, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.Drg, Labels("displayName", "definedTags", "freeformTags")),
        // Only the network attached and its kind: a VCN route table or transit mode on the attachment is routing no rule reads.
        new(OciTypes.DrgAttachment, [Labels("displayName", "definedTags", "freeformTags")], [],
            [new JudgedBy("ENC-NET-007", "networkDetails.id", "networkDetails.type")]),
        new(OciTypes.LocalPeeringGateway, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.RemotePeeringConnection, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.Ipsec, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.Cpe, Labels("displayName", "definedTags", "freeformTags"), new Inert("the device vendor and model, for Oracle's configuration help only", "cpeDeviceShapeId")),
        new(OciTypes.VirtualCircuit, [Labels("displayName", "definedTags", "freeformTags"), new Inert(
            "bandwidth, BGP session settings and MTU of a circuit whose type, gateway and mappings are judged (ENC-NET-072, ENC-NET-090)",
            "bandwidthShapeName", "bgpAdminState", "customerAsn", "customerBgpAsn", "ipMtu", "isBfdEnabled")], [],
            [new JudgedBy("ENC-NET-090", "crossConnectMappings") { Whole = true }, new JudgedBy("ENC-NET-072", "publicPrefixes") { Whole = true }]),
        new(OciTypes.Bastion, [Labels("name", "definedTags", "freeformTags")],
            [new Fixed("a standard Bastion opens sessions only into its (judged) target subnet", Pin.UnsetOr("bastionType", "standard"))],
            []),
        new(OciTypes.DataSafePrivateEndpoint, Labels("displayName", "description", "definedTags", "freeformTags"),
            new Inert("the endpoint's own address inside its subnet, which is judged (ENC-NET-115)", "privateEndpointIp")),
    ];
}
