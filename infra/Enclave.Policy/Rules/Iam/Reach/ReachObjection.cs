using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam.Reach;

/// <summary>
/// An objection of ENC-IAM-080 or ENC-IAM-090 to a statement, with the data type it is about and the group it is
/// about (null: every principal the statement admits only by its condition).
/// </summary>
internal sealed record ReachObjection(PolicyStatement Statement, GroupReference? Group, string Type, Truth Outcome, string Problem);

/// <summary>
/// What ENC-IAM-080 (place and pin reach) and ENC-IAM-090 (principals admitted by a condition) say of one row of
/// `enclave access`: the data judge (ENC-IAM-008/009) decides who may hold what, these two where and on which of the
/// stack's resources; the table shows a row as allowed only when all of them let it through, as the gate does.
/// </summary>
public sealed class ReachVerdicts
{
    private readonly Dictionary<PolicyStatement, List<ReachObjection>> _byStatement = new(ReferenceEqualityComparer.Instance);
    private readonly EnclaveIdentities _ids;

    public ReachVerdicts(RuleContext context, IamView view, EnclaveIdentities ids) : this(context, view, ids, null) { }

    /// <param name="budget">The access table's work budget, charged as the two rules judge (none: unbounded).</param>
    /// <exception cref="EvaluationBudgetExceededException">Judging would pass <paramref name="budget"/>.</exception>
    public ReachVerdicts(RuleContext context, IamView view, EnclaveIdentities ids, EvaluationBudget? budget)
    {
        _ids = ids;
        foreach (var o in GrantsWithinReach.Typed(context, view, budget).Concat(PinnedPrincipalsWithinReach.Typed(context, view, budget)))
        {
            if (o.Outcome == Truth.True) continue;
            if (!_byStatement.TryGetValue(o.Statement, out var list)) _byStatement[o.Statement] = list = [];
            list.Add(o);
        }
    }

    /// <summary>The worst objection to <paramref name="who"/> holding <paramref name="type"/> through <paramref name="statement"/> (True: none).</summary>
    public (Truth Outcome, string? Why) Judge(PolicyStatement statement, AccessSubject who, string type)
    {
        if (!_byStatement.TryGetValue(statement, out var objections)) return (Truth.True, null);
        var worst = (Outcome: Truth.True, Why: (string?)null);
        foreach (var o in objections)
        {
            if (!string.Equals(o.Type, type, StringComparison.Ordinal) || !About(o, statement, who)) continue;
            if (o.Outcome == Truth.False) return (Truth.False, o.Problem);
            worst = (Truth.Unknown, o.Problem);
        }
        return worst;
    }

    private bool About(ReachObjection o, PolicyStatement statement, AccessSubject who)
    {
        if (o.Group is { } g)
            return (who.Kind == AccessSubjectKind.DynamicGroup) == g.IsDynamic
                && (g.Id is not null
                    ? string.Equals(g.Id, who.Id, StringComparison.OrdinalIgnoreCase)
                    : string.Equals(g.Name, who.Name, StringComparison.OrdinalIgnoreCase)
                      && string.Equals(g.EffectiveDomain, who.Domain ?? GroupReference.DefaultDomain, StringComparison.OrdinalIgnoreCase));
        // ENC-IAM-090: the principals its condition admits (any-user, any-group, or groups that are neither personas nor the stack's dynamic groups).
        return who.Kind is AccessSubjectKind.AnyUser or AccessSubjectKind.AnyGroup
            || statement.Syntax is GrantStatement { Subject: var subject } && PinnedPrincipalsWithinReach.AdmittedByCondition(subject, _ids)
               && who.Kind is AccessSubjectKind.Group or AccessSubjectKind.DynamicGroup;
    }
}
