using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;
using Enclave.Policy.Rules.Iam.Reach;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// An IAM rule whose objection to a statement depends on its text and on the compartment its policy is attached to:
/// a compartment path is read from there (<see cref="Places.InEnclave"/>), so the same text may name the enclave's
/// compartment in one policy and the parent company's in another. The texts the rule concerns are picked once per
/// distinct text; each is judged once per attachment, and the verdict carried to every copy with that attachment.
/// </summary>
public abstract class IamPlacedRule : IamRule
{
    protected sealed override IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> Objections(RuleContext context, IamView view)
    {
        List<(PolicyStatement, bool)>? concerned = null;
        foreach (var s in view.Policies.Distinct)
            if (s.Syntax is { } tree && Concerns(context, tree)) (concerned ??= []).Add((s, true));
        if (concerned is null) yield break;
        Places? places = null;
        var memo = new Dictionary<(Statement, string?), List<(Truth, string)>>(TreeAndPlace.Instance);
        foreach (var (s, _) in view.Policies.EveryCopy(concerned))
        {
            var key = (s.Syntax!, s.Policy.CompartmentKey);
            if (!memo.TryGetValue(key, out var problems))
            {
                var tree = places ??= new Places(context.Graph, view, DataAccessJudge.For(context).Identities);
                var attachment = s.Policy.CompartmentKey;
                memo[key] = problems = [.. JudgePlaced(context, s.Syntax!, location => tree.InEnclave(location, attachment))];
            }
            foreach (var (outcome, problem) in problems) yield return (s, outcome, problem);
        }
    }

    /// <summary>Does the rule judge <paramref name="statement"/> at all (its text alone decides)?</summary>
    protected abstract bool Concerns(RuleContext context, Statement statement);

    /// <summary>
    /// Its objections to <paramref name="statement"/> in one policy compartment: <see cref="Truth.False"/> fails it,
    /// <see cref="Truth.Unknown"/> leaves it undetermined. <paramref name="inEnclave"/> says whether a location, read
    /// from that compartment, stays among the stack's compartments (unknown when the compartment or a name is), and
    /// if not, what it names.
    /// </summary>
    protected abstract IEnumerable<(Truth Outcome, string Problem)> JudgePlaced(RuleContext context, Statement statement, Func<Location, (Truth Within, string? Why)> inEnclave);
}
