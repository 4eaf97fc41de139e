using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static Inert DnsLabel => new(
        "a DNS label names hosts in the VCN's own resolver; which resolver answers is pinned (ENC-NET-071)", "dnsLabel");

    // A property, not a field: the parts of a partial class initialise in no set order.
    private static ClosedType[] Network =>
    [
        new(OciTypes.Vcn, Labels("displayName", "definedTags", "freeformTags"), DnsLabel),
        new(OciTypes.Subnet, Labels("displayName", "definedTags", "freeformTags"), DnsLabel,
            new Inert("an availability domain places the subnet inside the same region and VCN", "availabilityDomain")),
        new(OciTypes.RouteTable, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.SecurityList, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.DefaultSecurityList, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.NetworkSecurityGroup, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.NsgRule, [new Inert("a rule's description says why it exists and lets nothing through", "description")],
            [new Fixed("stateful, as the program writes every rule: the reachability model reads stateful rules, where return traffic is implied", Pin.UnsetOrFalse("stateless"))],
            []),
        new(OciTypes.ServiceGateway, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.InternetGateway, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.NatGateway, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.Drg, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.DrgAttachment, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.LocalPeeringGateway, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.RemotePeeringConnection, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.Ipsec, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.Cpe, Labels("displayName", "definedTags", "freeformTags"), new Inert("the device vendor and model, for Oracle's configuration help only", "cpeDeviceShapeId")),
        new(OciTypes.VirtualCircuit, Labels("displayName", "definedTags", "freeformTags"), new Inert(
            "bandwidth, BGP session settings and MTU of a circuit whose type, gateway and mappings are judged (ENC-NET-072, ENC-NET-090)",
            "bandwidthShapeName", "bgpAdminState", "customerAsn", "customerBgpAsn", "ipMtu", "isBfdEnabled")),
        new(OciTypes.Bastion, [Labels("name", "definedTags", "freeformTags")],
            [new Fixed("a standard Bastion opens sessions only into its (judged) target subnet", Pin.UnsetOr("bastionType", "standard"))],
            []),
        new(OciTypes.DataSafePrivateEndpoint, Labels("displayName", "description", "definedTags", "freeformTags"),
            new Inert("the endpoint's own address inside its subnet, which is judged (ENC-NET-115)", "privateEndpointIp")),
    ];
}
