using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// An allow-list of what the enclave's network, key and log wiring may point at: resources of the stack. A subnet
/// routed by a route table, or guarded by a security list, that the stack does not declare; a database in an NSG of
/// someone else's; a Bastion aimed at a foreign subnet; a secret kept in another vault, or a database whose admin password is read from
/// a secret of someone else's; a log written to another log
/// group; a connector shipping logs to a stream, function or bucket of someone else's: each is wiring whose other end
/// no rule can read, so it could carry any route or rule, and it fails.
/// </summary>
public sealed class ReferencesStayInStack : SinkRuleBase
{
    private static readonly (string Type, string Key, string[] Targets)[] Wiring =
    [
        (OciTypes.Subnet, "vcnId", [OciTypes.Vcn]),
        (OciTypes.Subnet, "routeTableId", [OciTypes.RouteTable, OciTypes.DefaultRouteTable]),
        (OciTypes.Subnet, "securityListIds", [OciTypes.SecurityList, OciTypes.DefaultSecurityList]),
        (OciTypes.RouteTable, "vcnId", [OciTypes.Vcn]),
        (OciTypes.SecurityList, "vcnId", [OciTypes.Vcn]),
        (OciTypes.NetworkSecurityGroup, "vcnId", [OciTypes.Vcn]),
        (OciTypes.ServiceGateway, "vcnId", [OciTypes.Vcn]),
        // Gateways' own route tables route the traffic that comes in through them (transit routing).
        (OciTypes.ServiceGateway, "routeTableId", [OciTypes.RouteTable, OciTypes.DefaultRouteTable]),
        (OciTypes.LocalPeeringGateway, "vcnId", [OciTypes.Vcn]),
        (OciTypes.LocalPeeringGateway, "routeTableId", [OciTypes.RouteTable, OciTypes.DefaultRouteTable]),
        (OciTypes.DrgAttachment, "routeTableId", [OciTypes.RouteTable, OciTypes.DefaultRouteTable]),
        (OciTypes.NsgRule, "networkSecurityGroupId", [OciTypes.NetworkSecurityGroup]),
        (OciTypes.RouteTableAttachment, "routeTableId", [OciTypes.RouteTable]),
        (OciTypes.RouteTableAttachment, "subnetId", [OciTypes.Subnet]),
        (OciTypes.AutonomousDatabase, "nsgIds", [OciTypes.NetworkSecurityGroup]),
        // The secret the database's admin password is read from: one in another vault hands the password to its holder.
        (OciTypes.AutonomousDatabase, "secretId", [VaultSecret]),
        (OciTypes.Bastion, "targetSubnetId", [OciTypes.Subnet]),
        (OciTypes.DataSafePrivateEndpoint, "subnetId", [OciTypes.Subnet]),
        (OciTypes.DataSafePrivateEndpoint, "vcnId", [OciTypes.Vcn]),
        (OciTypes.DataSafePrivateEndpoint, "nsgIds", [OciTypes.NetworkSecurityGroup]),
        (OciTypes.Log, "logGroupId", [OciTypes.LogGroup]),
        (OciTypes.Subscription, "topicId", [OciTypes.NotificationTopic]),
        (VaultSecret, "vaultId", [OciTypes.Vault]),
        (VaultSecret, "keyId", [OciTypes.Key]),
    ];

    private const string VaultSecret = "oci:Vault/secret:Secret";

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-023", "Network, key and log wiring names only the stack's own resources", Severity.Critical, Enforcement.Mandatory,
        "A subnet routed or guarded by a route table or security list the stack does not declare, a database in a foreign NSG, a Bastion aimed at a foreign subnet, a secret in another vault, a log in another log group or a connector shipping logs to someone else's stream, function or bucket is wiring whose far end no rule can read: it could carry an internet route, an open rule or a copy of the evidence.",
        "Point the reference at a resource this stack declares (a Default* resource to manage a VCN's default route table or security list); connectors target the stack's archive buckets or topics only.");

    /// <summary>Per wiring entry, the end of its requirement ("… is a Vcn of this stack"), made once.</summary>
    private static readonly string[] Suffixes =
        [.. Wiring.Select(w => $" is a {string.Join(" or ", w.Targets.Select(OciTypes.ShortName))} of this stack")];

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var byType = new Dictionary<string, NodeSet>(StringComparer.Ordinal);
        NodeSet Of(string[] types)
        {
            if (types.Length == 1) return NodeSets.Of(g, types[0]);
            var key = string.Join('|', types);
            if (!byType.TryGetValue(key, out var set)) byType[key] = set = References.Set(types.SelectMany(g.OfType));
            return set;
        }
        // One assessment for every reference: each finding copies its message's parts (Assessment.Clear).
        var a = new Assessment();
        for (var w = 0; w < Wiring.Length; w++)
        {
            var (type, key, targets) = Wiring[w];
            var set = Of(targets);
            foreach (var node in g.OfType(type))
            {
                var value = node.Input(key);
                if (value.IsNull) continue;
                a.Clear();
                // The requirement stays in parts (key, value, wording): no string per reference.
                if (value is ListValue list)
                    foreach (var item in list.Items)
                        a.RequireInParts(Names(g, node, key, item, set), key, " ", Describe(item), Suffixes[w]);
                else a.RequireInParts(Names(g, node, key, value, set), key, " ", Describe(value), Suffixes[w]);
                sink.Judge(node.Urn, node.Label, a);
            }
        }
        foreach (var connector in g.OfType(OciTypes.Connector))
            sink.Judge(connector.Urn, connector.Label, ConnectorTarget(g, connector, Of([OciTypes.Bucket]), Of([OciTypes.NotificationTopic])));
    }

    /// <summary>By id, by the default object a Default* resource manages, or by lineage.</summary>
    private static Truth Names(ResourceGraph g, ResourceNode node, string key, PropertyValue value, NodeSet targets)
    {
        var named = References.IdentifiesAny(g, node, key, value, targets);
        if (named == Truth.True || value.AsString() is not { } id) return named;
        foreach (var t in targets)
            if ((t.IsType(OciTypes.DefaultSecurityList) || t.IsType(OciTypes.DefaultRouteTable)) && t.Input("manageDefaultResourceId").AsString() == id)
                return Truth.True;
        return named;
    }

    /// <summary>A connector ships to a bucket of the stack (by name) or a topic of the stack; any other target kind is refused.</summary>
    private static Assessment ConnectorTarget(ResourceGraph g, ResourceNode connector, NodeSet buckets, NodeSet topics)
    {
        var a = new Assessment();
        var target = connector.Input("target");
        if (target.IsNull) return a;
        var kind = target["kind"];
        if (!kind.IsKnown) { a.Require(Truth.Unknown, "target kind is readable"); return a; }
        switch (kind.AsString()?.ToLowerInvariant())
        {
            case "objectstorage":
                var bucket = target["bucket"];
                a.Require(bucket.IsKnown
                    ? TruthLogic.Of(buckets.Any(b => b.Input("name").AsString() == bucket.AsString())).Or(
                        buckets.Any(b => !b.Input("name").IsKnown) ? Truth.Unknown : Truth.False)
                    : connector.PropertyDependencies.TryGetValue("target", out var deps) && deps.Any(u => g.ByUrn(u) is { } d && buckets.Contains(d))
                        ? Truth.True : Truth.Unknown,
                    $"target bucket {Describe(bucket)} is a bucket of this stack");
                break;
            case "notifications":
                a.Require(Names(g, connector, "target", target["topicId"], topics), $"target topic {Describe(target["topicId"])} is a topic of this stack");
                break;
            default:
                a.Require(Truth.False, $"target kind {kind.AsString()} (only objectStorage to a bucket of this stack, or notifications to a topic of this stack)");
                break;
        }
        return a;
    }

    private static string Describe(PropertyValue value) => value switch
    {
        StringValue s => s.Value,
        SecretValue => "[secret]",
        UnknownValue => "(known after apply)",
        ResourceRefValue r => r.Urn,
        _ => value.GetType().Name,
    };
}
