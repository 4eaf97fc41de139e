using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// An allow-list of resource types: a resource of a type no rule judges (a public IP, a load balancer, an instance
/// with a public VNIC, an API gateway, a wallet download, an OAuth client app, a resource of another cloud) could carry
/// data, a network path or a grant that every other rule is blind to, so it fails instead of passing unseen.
/// </summary>
public sealed class OnlyJudgedTypes : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-020", "Only resource types the gate judges", Severity.Critical, Enforcement.Mandatory,
        "Every isolation rule is an allow-list over the types it reads; a resource of any other type (a public IP, a load balancer, an instance, an API gateway, a database wallet, an OAuth app, another cloud's resource) could open a path to the data or hand out access that no rule sees.",
        "Remove the resource, or add its type to the gate with the rules that judge it (OciTypes and the rule that reads it; JudgedTypes for types that hold no data, path or grant).")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var unknown = 0;
        // The graph is in URN order, so a type's resources mostly come together: its set is asked once per run of them.
        string? lastType = null;
        var lastKnown = false;
        foreach (var node in context.Graph.Resources)
        {
            if (!JudgedTypes.NeedsJudging(node)) continue;
            if (!ReferenceEquals(node.Type, lastType)) (lastType, lastKnown) = (node.Type, JudgedTypes.IsKnown(node.Type));
            if (lastKnown) continue;
            unknown++;
            sink.Fail(node.Urn, $"{node.Label}: type {node.Type} is not one the gate judges, so nothing checks what it opens or who it lets in");
        }
        if (unknown == 0)
            sink.Pass(Scope.StackUrn(context.Graph), "every resource is of a type the gate judges");
    }
}
