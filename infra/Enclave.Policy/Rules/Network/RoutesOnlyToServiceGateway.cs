using Enclave.Policy.Network;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// Every route rule of the enclave's route tables targets the service gateway, or a DRG for a destination inside the
/// gatekeepers' on-premises ranges.
/// </summary>
public sealed class RoutesOnlyToServiceGateway : RuleBase
{
    private static readonly string[] RouteTargets =
    [
        OciTypes.ServiceGateway, OciTypes.InternetGateway, OciTypes.NatGateway, OciTypes.Drg, OciTypes.LocalPeeringGateway,
        "oci:Core/privateIp:PrivateIp",
    ];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-003", "Routes target only the service gateway", Severity.High, Enforcement.Mandatory,
        "Each route is a way out of the VCN. Only the regional service gateway (Oracle services) and, for gatekeeper on-premises ranges, the DRG are sanctioned exits.",
        "Point every route rule at the service gateway (destinationType SERVICE_CIDR_BLOCK) or, for on-premises ranges listed in `network.onPremCidrs`, at the DRG.");

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var g = context.Graph;
        var sgws = NodeSets.Of(g, OciTypes.ServiceGateway);
        var drgs = NodeSets.Of(g, OciTypes.Drg);
        foreach (var table in g.OfType(OciTypes.RouteTable).Concat(g.OfType(OciTypes.DefaultRouteTable)))
        {
            var rules = table.Input("routeRules");
            if (!rules.IsKnown)
            {
                yield return Undetermined(table.Urn, $"{table.Label}: route rules not known until deploy");
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
            yield return Judge(table.Urn, table.Label, a);
        }
    }

    private static string Describe(PropertyValue target) => target.AsString() ?? target.ToString();
}
