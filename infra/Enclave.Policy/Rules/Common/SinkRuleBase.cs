namespace Enclave.Policy.Rules.Common;

/// <summary>
/// A rule that writes its findings into the evaluator's sink (<see cref="FindingSink"/>: <c>sink.Pass(urn, …)</c>,
/// <c>sink.Judge(urn, label, assessment)</c>) instead of yielding <see cref="Finding"/> objects: the fast path for rules
/// that judge most resources of a graph. <see cref="Evaluate(RuleContext)"/> still gives the same findings as objects
/// (tests, tools), made through a <see cref="FindingList"/>. A rule deriving from <see cref="RuleBase"/> and yielding
/// findings keeps working unchanged; the evaluator copies its sequence into the sink.
/// </summary>
public abstract class SinkRuleBase : RuleBase
{
    public sealed override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var list = new FindingList(Info.Id);
        Evaluate(context, list);
        return list.Findings;
    }

    public abstract override void Evaluate(RuleContext context, FindingSink sink);
}
