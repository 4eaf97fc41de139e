using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-031: a deployed state in which something exists outside the judged graph fails. A replaced resource still
/// awaiting deletion (<c>delete: true</c>: its delete failed or the update stopped) and the resource of an interrupted
/// operation (<c>pending_operations</c>) are live in the cloud, in a shape no rule reads: the old, open security list
/// or the half-created internet gateway would otherwise pass as if gone.
/// </summary>
public sealed class NothingUnjudgedInState : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-031", "Nothing in the state exists outside what the gate judges", Severity.Critical, Enforcement.Mandatory,
        "A state can hold resources that exist in the cloud but are not part of the stack's graph: a replaced resource whose deletion has not happened, or the resource of an operation an interrupted update never finished. The gate cannot judge them, and they may be exactly the open path the update was replacing.",
        "Finish the update (pulumi up deletes replaced resources), or resolve the interrupted operations (pulumi refresh, then pulumi stack export again); check the state once nothing is pending.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        foreach (var u in g.Unjudged)
            sink.Fail(u.Urn, $"{u.Type} {u.Urn}: {u.Why}");
        if (g.Unjudged.IsEmpty)
            sink.Pass(Scope.StackUrn(g), "nothing pending deletion and no interrupted operation");
    }
}
