using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-GOV-023 for gateways' own route tables: the route table of a service gateway, local peering gateway or DRG
/// attachment routes the traffic that comes in through it (transit routing), so one outside the stack can carry any
/// route no rule reads.
/// </summary>
public sealed class GatewayWiringAttacks : AttackClass
{
    private const string ForeignRoutes = "ocid1.routetable.oc1.iad.aaaaaaaaexampletransitroutes";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the service gateway's transit routes kept outside the stack", "ENC-GOV-023",
            p => p.Resource("network-service-gateway").Set("routeTableId", ForeignRoutes));
        yield return Attack("a peering gateway routed by a table outside the stack", "ENC-GOV-023", p => p.Add("oci:Core/localPeeringGateway:LocalPeeringGateway", "network-lpg",
            new JsonObject { ["compartmentId"] = Id(p, "tenancy-network"), ["vcnId"] = Id(p, "network-vcn"), ["routeTableId"] = ForeignRoutes }, sibling: "network-service-gateway"));
        yield return Attack("a DRG attachment routed by a table outside the stack", "ENC-GOV-023", p => p.Add("oci:Core/drgAttachment:DrgAttachment", "network-drg-attachment",
            new JsonObject { ["drgId"] = "ocid1.drg.oc1.iad.aaaaaaaaexampledrg", ["vcnId"] = Id(p, "network-vcn"), ["routeTableId"] = ForeignRoutes }, sibling: "network-service-gateway"));

        yield return Legitimate("the service gateway's transit routes are the data route table", p => p.Resource("network-service-gateway")
            .Set("routeTableId", Id(p, "network-data-routes")));
    }

    private static string Id(Prod p, string name) => p.Resource(name).Json["id"]!.GetValue<string>();
}
