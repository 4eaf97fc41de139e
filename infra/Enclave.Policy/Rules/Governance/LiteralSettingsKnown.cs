using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// A preview may hold values the cloud computes at deploy time, and the gate keeps undetermined verdicts advisory
/// there (<see cref="Engine.FailClosed"/>). That leniency is only for references and computed outputs: a flag, an
/// access type, a region, a CIDR or a port (<see cref="IsolationSettings.LiteralKeysOf"/>) that is unknown in a
/// preview was derived from another resource's output (an <c>Apply</c> over an id, a random value) and can be
/// anything when <c>pulumi up</c> runs, after the gate has passed the preview. This rule fails each one, in every
/// artifact (in a state or a plan fail-closed blocks it too, with the rule that reads it).
/// </summary>
public sealed class LiteralSettingsKnown : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-007", "Literal isolation settings are known before deployment", Severity.Critical, Enforcement.Mandatory,
        "Flags, access types, regions, CIDRs, ports, protocols, retention and the names IAM statements match on (groups, dynamic groups, users, network sources, tags) are constants of the program or values of its stack config, which a preview knows. One that is unknown in a preview was computed from another resource's output, so the preview the gate judged does not say what `pulumi up` will set: a public bucket, a disabled flow log or a Frankfurt region could pass review unseen.",
        "Write the setting as a literal or take it from stack config; never derive a flag, access type, region, CIDR, port or principal name from another resource's output (`Apply`) or from a generated value.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        // Read once per graph with ENC-GOV-006's isolation settings (IsolationValues): both rules ask the same inputs.
        var values = IsolationValues.For(context.Graph);
        foreach (var (node, key) in values.UnknownLiterals)
            sink.Fail(node.Urn, $"{node.Label}: {key} is unknown before deployment{Source(node, key)}, so the gate cannot see what `pulumi up` will set; it must be a literal or a stack config value");
        var nested = NestedUnknown(context.Graph, sink);
        if (values.UnknownLiterals.Count == 0 && !nested)
            sink.Pass(Scope.StackUrn(context.Graph), $"every literal isolation setting is known ({values.LiteralsRead} settings read)");
    }

    /// <summary>
    /// Literal fields of list items that also hold a reference: a route's destination and its type beside the gateway it
    /// names (the gateway's id is unknown until it exists, the destination never is).
    /// </summary>
    private static readonly (string Type, string Key, string Field)[] ItemLiterals =
    [
        (OciTypes.RouteTable, "routeRules", "destination"), (OciTypes.RouteTable, "routeRules", "destinationType"),
        (OciTypes.DefaultRouteTable, "routeRules", "destination"), (OciTypes.DefaultRouteTable, "routeRules", "destinationType"),
    ];

    /// <summary>
    /// An NSG rule's source or destination is a reference only when its type says NETWORK_SECURITY_GROUP; as a CIDR block
    /// or an Oracle service label it is a literal, which a preview knows.
    /// </summary>
    private static readonly (string Key, string TypeKey)[] TypedAddresses = [("source", "sourceType"), ("destination", "destinationType")];

    /// <summary>Fails each literal nested beside references that is unknown; true when any was.</summary>
    private bool NestedUnknown(ResourceGraph g, FindingSink sink)
    {
        var any = false;
        foreach (var (type, key, field) in ItemLiterals)
            foreach (var node in g.OfType(type))
            {
                var list = node.Input(key);
                var unknown = list is UnknownValue
                    || list is ListValue l && l.Items.Any(item => item is UnknownValue || item[field].ContainsUnknown);
                if (!unknown) continue;
                any = true;
                sink.Fail(node.Urn, $"{node.Label}: {key}[].{field} is unknown before deployment{Source(node, key)}, so the gate cannot see where `pulumi up` routes; it must be a literal or a stack config value");
            }
        foreach (var node in g.OfType(OciTypes.NsgRule))
            foreach (var (key, typeKey) in TypedAddresses)
            {
                var kind = node.Input(typeKey).AsString();
                if (kind is null || kind.Trim().Equals("NETWORK_SECURITY_GROUP", StringComparison.OrdinalIgnoreCase) || !node.Input(key).ContainsUnknown) continue;
                any = true;
                sink.Fail(node.Urn, $"{node.Label}: {key} ({kind}) is unknown before deployment{Source(node, key)}: a CIDR block or service label is a literal, so the gate cannot see what `pulumi up` will admit");
            }
        return any;
    }

    /// <summary>Where the value came from, when the artifact says (its property dependencies).</summary>
    internal static string Source(ResourceNode node, string key) =>
        node.PropertyDependencies.TryGetValue(key, out var urns) && urns.Length > 0
            ? $" (computed from {string.Join(", ", urns.Take(3).Select(u => u[(u.LastIndexOf("::", StringComparison.Ordinal) + 2)..]))}{(urns.Length > 3 ? ", …" : "")})"
            : "";
}
