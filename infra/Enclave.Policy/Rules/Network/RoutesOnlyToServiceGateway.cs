using Enclave.Policy.Network;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// Every route rule of the enclave's route tables targets the service gateway, or a DRG for a destination inside the
/// gatekeepers' on-premises ranges. And every subnet routes by a table the gate reads: one it names (or a route-table
/// attachment names for it), or its VCN's default table when the stack manages that one (DefaultRouteTable). A subnet
/// that names none routes by its VCN's default table, which is no resource of the state: whatever rules it holds (added
/// outside the stack) the gate never sees, so it fails closed.
/// </summary>
public sealed class RoutesOnlyToServiceGateway : SinkRuleBase
{
    private static readonly string[] RouteTargets =
    [
        OciTypes.ServiceGateway, OciTypes.InternetGateway, OciTypes.NatGateway, OciTypes.Drg, OciTypes.LocalPeeringGateway,
        "oci:Core/privateIp:PrivateIp",
    ];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-003", "Routes target only the service gateway", Severity.High, Enforcement.Mandatory,
        "Each route is a way out of the VCN. Only the regional service gateway (Oracle services) and, for gatekeeper on-premises ranges, the DRG are sanctioned exits.",
        "Point every route rule at the service gateway (destinationType SERVICE_CIDR_BLOCK) or, for on-premises ranges listed in `network.onPremCidrs`, at the DRG; give every subnet a routeTableId of this stack (or manage its VCN's default route table with a DefaultRouteTable).");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var sgws = NodeSets.Of(g, OciTypes.ServiceGateway);
        var drgs = NodeSets.Of(g, OciTypes.Drg);
        foreach (var table in g.OfType(OciTypes.RouteTable).Concat(g.OfType(OciTypes.DefaultRouteTable)))
        {
            var rules = table.Input("routeRules");
            if (!rules.IsKnown)
            {
                sink.Undetermined(table.Urn, $"{table.Label}: route rules not known until deploy");
                continue;
            }
            var a = new Assessment();
            var items = rules.AsList();
            for (var i = 0; i < items.Length; i++)
            {
                var target = items[i]["networkEntityId"];
                var destination = items[i]["destination"].IsNull ? items[i]["cidrBlock"] : items[i]["destination"];
                var toSgw = References.IdentifiesAny(g, table, "routeRules", target, sgws, RouteTargets);
                var toDrg = References.IdentifiesAny(g, table, "routeRules", target, drgs, RouteTargets)
                    .And(Cidr.WithinAny(destination, context.Policy.OnPremCidrs));
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                a.Require(toSgw.Or(toDrg), $"route {i} ({destination} → {Describe(target)}) targets the service gateway or an on-premises DRG route");
            }
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            if (items.Length == 0) a.Require(Truth.True, "no route rules");
            sink.Judge(table.Urn, table.Label, a);
        }
        SubnetTables(g, sink);
    }

    /// <summary>Per subnet: does it route by a table the gate reads (named, attached, or its VCN's managed default)?</summary>
    private static void SubnetTables(ResourceGraph g, FindingSink sink)
    {
        var vcns = NodeSets.Of(g, OciTypes.Vcn);
        var attachments = g.OfType(OciTypes.RouteTableAttachment).ToList();
        var defaults = g.OfType(OciTypes.DefaultRouteTable).ToList();
        foreach (var subnet in g.OfType(OciTypes.Subnet))
        {
            var read = Scope.Present(subnet, "routeTableId", subnet.Input("routeTableId"));
            foreach (var attachment in attachments)
                if (read != Truth.True) read = read.Or(References.Identifies(g, attachment, "subnetId", attachment.Input("subnetId"), subnet));
            if (read != Truth.True && defaults.Count > 0
                && References.Resolve(g, subnet, "vcnId", subnet.Input("vcnId"), vcns).FirstOrDefault() is { } vcn)
                foreach (var d in defaults)
                    read = read.Or(ManagesDefaultOf(d, vcn));
            // Only the message of the verdict reached is made (most subnets pass); one string, cut as a whole as before.
            switch (read)
            {
                case Truth.True: sink.Pass(subnet.Urn, (string)$"{subnet.Label}: routes by a route table of this stack"); break;
                case Truth.False:
                    sink.Fail(subnet.Urn, (string)$"{subnet.Label}: names no route table of this stack, so it routes by its VCN's default table, whose rules are in no resource the gate reads");
                    break;
                default: sink.Undetermined(subnet.Urn, (string)$"{subnet.Label}: which route table it uses is not known until deploy"); break;
            }
        }
    }

    /// <summary>Does the DefaultRouteTable manage the VCN's default table (its output id, or an input built from the VCN)?</summary>
    private static Truth ManagesDefaultOf(ResourceNode table, ResourceNode vcn)
    {
        var managed = table.Input("manageDefaultResourceId");
        if (table.InputDependsOn("manageDefaultResourceId", vcn.Urn)) return Truth.True;
        var own = vcn.Outputs["defaultRouteTableId"];
        if (!managed.IsKnown || !own.IsKnown) return Truth.Unknown;
        return TruthLogic.Of(managed.AsString() is { } m && m == own.AsString());
    }

    // Stryker disable once all : finding wording (the route target as the message shows it), not a control (docs/testing.md)
    private static string Describe(PropertyValue target) => target.AsString() ?? target.ToString();
}
