using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-093: in a preview, a value is unknown "because the cloud computes it" only when what it is built from does not
/// exist yet. Rules keep their undetermined verdicts advisory in a preview (<see cref="Engine.FailClosed"/>) and resolve an
/// unknown reference through the resource it was built from, so an update that turns a known isolation setting (a
/// database's subnet, NSGs or access list, a bucket's key, a subnet's route table, a connector's target, a setting OCI
/// recomputes from an input the change sets) into an unknown passed: an <c>Apply</c> over an existing resource's id can
/// yield any id at <c>pulumi up</c>. Here such a value, known in the update's old state and unknown in its new one, fails
/// unless every resource it is built from is created or replaced by the same update (its id not assigned yet); so does an
/// unknown input of a resource the update creates. A component resource has no id of its own and vouches for nothing.
/// </summary>
public sealed class KnownSettingsStayKnown : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-093", "Isolation settings known before an update are known after it", Severity.Critical, Enforcement.Mandatory,
        "A preview leaves values unknown that the cloud assigns when it creates a resource, and the gate reads those as the resource they are built from. A setting that was known before an in-place update and is unknown after it was not waiting for a new resource: the change computes it from an existing one (or makes OCI recompute it), so the preview does not say what `pulumi up` will set, and a subnet, key, access list or archive target could change unseen.",
        "Set the value as a literal, from stack config or from a resource's id directly (no Apply over it); if OCI recomputes a setting from an input the change sets, review and deploy that change on its own and check the deployed state (enclave check --state).")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        if (g.Origin != GraphOrigin.Preview) { sink.Pass(Scope.StackUrn(g), "every value of this artifact is known"); return; }
        var failed = 0;
        foreach (var (urn, before) in g.Prior)
        {
            if (g.ByUrn(urn) is not { } node) continue;
            foreach (var key in IsolationSettings.KeysOf(node.Type))
            {
                var now = node[key];
                if (!now.ContainsUnknown) continue;
                var was = before[key];
                if (was.ContainsUnknown || AwaitsNewResources(g, node, key)) continue;
                failed++;
                sink.Fail(node.Urn, $"{node.Label}: {key} was {Shown(was)} before the update and is unknown after it{LiteralSettingsKnown.Source(node, key)}, though nothing it is built from is being created: the change computes it, so the gate cannot see what `pulumi up` will set");
            }
        }
        // A resource the update creates (or replaces) has no old state: some of what an unknown input is built from must be
        // new too. Some, not all: Pulumi records dependencies per top-level input, so one object (a connector's source:
        // an existing compartment and a new log group) is legitimately unknown on a first deploy. Only the inputs: its
        // outputs are the cloud's until it exists.
        foreach (var node in g.Resources)
        {
            if (!node.Custom || node.Id.AsString() is { Length: > 0 } || g.Prior.ContainsKey(node.Urn)) continue;
            foreach (var key in IsolationSettings.KeysOf(node.Type))
            {
                if (!node.Inputs.TryGetValue(key, out var now) || !now.ContainsUnknown || AwaitsNewResources(g, node, key, all: false)) continue;
                failed++;
                sink.Fail(node.Urn, $"{node.Label}: {key} of this new resource is unknown before deployment{LiteralSettingsKnown.Source(node, key)}, though nothing it is built from is being created: the change computes it, so the gate cannot see what `pulumi up` will set");
            }
        }
        if (failed == 0)
            sink.Pass(Scope.StackUrn(g), $"no isolation setting is unknown unless built from a resource not created yet ({g.Prior.Count} resources updated in place)");
    }

    /// <summary>
    /// Is every (with <paramref name="all"/> false: some) resource <paramref name="key"/> is built from created or replaced
    /// by this update (no id yet)? Only then is the value unknown because the cloud has not assigned it. No recorded
    /// source (an output OCI recomputes, a value the change computed without one) is not.
    /// </summary>
    private static bool AwaitsNewResources(ResourceGraph g, ResourceNode node, string key, bool all = true)
    {
        if (!node.PropertyDependencies.TryGetValue(key, out var urns) || urns.Length == 0) return false;
        bool IsNew(string u) => g.ByUrn(u) is { Custom: true } source && source.Id.AsString() is not { Length: > 0 };
        return all ? urns.All(IsNew) : urns.Any(IsNew);
    }

    private static string Shown(PropertyValue value) => value switch
    {
        { IsNull: true } => "unset",
        { ContainsSecret: true } => "a secret",
        ListValue l => $"a list of {l.Items.Length}",
        MapValue => "an object",
        _ => value.ToString() ?? "",
    };
}
