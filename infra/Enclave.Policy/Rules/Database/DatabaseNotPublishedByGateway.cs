using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// An Autonomous Database's vanity URL (<c>vanityUrlDetails</c>) publishes its web endpoints (ORDS, APEX, Database
/// Actions) through an API gateway, under a host name of its own. The gateway is not a resource of the stack (no rule
/// reads it), so it may be public, in another VCN or another tenancy: a door to the data beside the private endpoint.
/// The enclave's database has no vanity URL.
/// </summary>
public sealed class DatabaseNotPublishedByGateway : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-052", "Autonomous Database is not published through an API gateway", Severity.Critical, Enforcement.Mandatory,
        "A vanity URL routes the database's REST and web endpoints through an API gateway the gate does not judge: it can be public, or someone else's, and it reaches the data without the private endpoint's NSGs.",
        "Remove vanityUrlDetails; reach the database only through its private endpoint.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var db in context.Graph.OfType(OciTypes.AutonomousDatabase))
        {
            var vanity = db.Input("vanityUrlDetails");
            var none = vanity.IsKnown
                ? TruthLogic.Of(vanity.IsNull || vanity is ListValue { Items.IsEmpty: true } || vanity is MapValue { Count: 0 })
                : Truth.Unknown;
            sink.Judge(db.Urn, none,
                $"{db.Label}: no vanity URL",
                $"{db.Label}: vanityUrlDetails publishes the database through API gateway {vanity[0]["apiGatewayId"]}, which no rule judges",
                $"{db.Label}: vanityUrlDetails not known until deploy");
        }
    }
}
