using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Round 8 (network side): routing the gate could not read. A subnet that names no route table routes by its VCN's
/// default table, which is no resource of the state (its rules, added outside the stack, were never judged): it passed.
/// ENC-NET-003 now asks every subnet for a table of the stack (named, attached, or the VCN's default managed by a
/// DefaultRouteTable). The default route table and route-table attachments, judged types outside the partial listing,
/// took any input: ENC-GOV-090 now closes them to the provider's fields (a LOCAL route refused as on route tables).
/// </summary>
public sealed class Round8UnreadRoutingAttacks : AttackClass
{
    public override string Name => "Round8UnreadRouting";

    private const string DefaultRouteTable = "oci:Core/defaultRouteTable:DefaultRouteTable";
    private const string Attachment = "oci:Core/routeTableAttachment:RouteTableAttachment";

    private static JsonNode Id(Prod p, string r) => p.Resource(r).Json["id"]!.DeepClone();
    private static JsonNode VcnDefaultTable(Prod p) => p.Resource("network-vcn").Json["outputs"]!["defaultRouteTableId"]!.DeepClone();

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("data subnet routes by its VCN's unmanaged default table", "ENC-NET-003", p => p.Resource("network-data").Remove("routeTableId"));
        yield return Attack("the VCN's default route table given a LOCAL route", "ENC-GOV-090", p => p.Add(DefaultRouteTable, "network-default-routes", new JsonObject
        {
            ["manageDefaultResourceId"] = VcnDefaultTable(p),
            ["routeRules"] = new JsonArray(new JsonObject
            {
                ["destination"] = "10.30.0.0/16", ["destinationType"] = "CIDR_BLOCK", ["networkEntityId"] = Id(p, "network-service-gateway"), ["routeType"] = "LOCAL",
            }),
        }, "network-service-gateway"));
        yield return Attack("a route-table attachment given a field no rule reads", "ENC-GOV-090", p => p.Add(Attachment, "network-data-rta", new JsonObject
        {
            ["subnetId"] = Id(p, "network-data"), ["routeTableId"] = Id(p, "network-data-routes"), ["peerRouteTableId"] = "ocid1.routetable.oc1.iad.aaaaaaaaparent",
        }, "network-service-gateway"));

        yield return Legitimate("the VCN's default route table managed and emptied", p => p.Add(DefaultRouteTable, "network-default-routes", new JsonObject
        {
            ["manageDefaultResourceId"] = VcnDefaultTable(p), ["displayName"] = "usde-prod-default-routes", ["routeRules"] = new JsonArray(),
        }, "network-service-gateway"));
    }
}
