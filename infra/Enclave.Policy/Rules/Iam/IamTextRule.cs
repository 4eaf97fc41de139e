using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// An IAM rule whose objection to a statement depends on the statement's text alone (not on its policy or
/// compartment). It judges one statement per distinct text, once, and every copy of a text it objects to is
/// flagged, in statement order: policies repeat statements, so this is a fraction of the work.
/// </summary>
public abstract class IamTextRule : IamRule
{
    protected sealed override IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> Objections(RuleContext context, IamView view)
    {
        // One pass over the distinct texts gives both kinds of objection (a where clause is evaluated once, not once
        // for "fails" and again for "known only at deploy"); their copies follow, the failures first.
        List<(PolicyStatement, string)>? fails = null, doubts = null;
        foreach (var (statement, outcome, problem) in JudgeText(context, view.Policies.Distinct))
        {
            if (outcome == Truth.False) (fails ??= []).Add((statement, problem));
            else if (outcome == Truth.Unknown) (doubts ??= []).Add((statement, problem));
        }
        if (fails is not null)
            foreach (var (statement, problem) in view.Policies.EveryCopy(fails)) yield return (statement, Truth.False, problem);
        if (doubts is not null)
            foreach (var (statement, problem) in view.Policies.EveryCopy(doubts)) yield return (statement, Truth.Unknown, problem);
    }

    /// <summary>
    /// The statements among <paramref name="distinct"/> (one per text) this rule objects to, with why:
    /// <see cref="Truth.False"/> when it fails them, <see cref="Truth.Unknown"/> when they can be judged only at deploy.
    /// By default the ones <see cref="FlagText"/> names, as failures.
    /// </summary>
    protected virtual IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> JudgeText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        foreach (var (statement, problem) in FlagText(context, distinct)) yield return (statement, Truth.False, problem);
    }

    /// <summary>The statements among <paramref name="distinct"/> (one per text) this rule fails, with why.</summary>
    protected virtual IEnumerable<(PolicyStatement Statement, string Problem)> FlagText(RuleContext context, IEnumerable<PolicyStatement> distinct) => [];
}
