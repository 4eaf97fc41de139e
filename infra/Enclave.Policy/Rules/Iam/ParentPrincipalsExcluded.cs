using Enclave.Policy.Iam;
using Enclave.Policy.Reports;

namespace Enclave.Policy.Rules.Iam;

/// <summary>R4: no parent-company principal (group, identity domain, tenancy) may be allowed anything, anywhere.</summary>
public sealed class ParentPrincipalsExcluded : IamRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-003", "Parent-company principals are granted nothing", Severity.Critical, Enforcement.Mandatory,
        "The enclave exists to keep the parent company's identities away from US users' data; any statement that may grant one of them anything breaks that promise.",
        "Remove or narrow every statement through which a parent-company group, domain or tenancy may be granted access (any-user statements need a principal-type condition).");

    protected override IEnumerable<(PolicyStatement, string)> Flag(RuleContext context, IamView view)
    {
        // One domain probes a principal per group the statements name: principals × statements is bounded by the work
        // budget of `enclave access`, so a hostile policy set is refused in one line instead of running for hours.
        var budget = new EvaluationBudget(AccessWorkBudget.MaxEvaluations);
        foreach (var (who, principal) in Principals(context.Policy.Parent, view.Policies))
        {
            AccessDecision decision;
            try { decision = view.Evaluator.MayAllowAnything(principal, budget: budget); }
            catch (EvaluationBudgetExceededException e) { throw new IamWorkLimitException(Info.Id, e.Limit, e); }
            if (!decision.MayAllow) continue;
            // One text per principal, not per grant: every statement of a hostile policy set may grant each principal,
            // and a string per grant kept 180,000 copies of nine texts alive until the findings were made.
            // Stryker disable once String : finding wording (docs/testing.md)
            var problem = $"may grant {who}";
            foreach (var grant in decision.Grants.Where(g => !g.Statement.IsOpaque))
                yield return (grant.Statement, problem);
        }
    }

    /// <summary>One principal per configured parent identity: group members, domain members, foreign tenancy users.</summary>
    public static IEnumerable<(string Who, Principal Principal)> Principals(ParentExclusions parent, PolicySet statements)
    {
        foreach (var group in parent.Groups)
        {
            if (group.StartsWith("ocid1.", StringComparison.OrdinalIgnoreCase))
            {
                // A group known by OCID: a statement naming that OCID reaches it, one naming a group by name does not
                // (no group of this stack has that OCID); in its home tenancy it needs an admit.
                // Stryker disable once String : who the finding names, and a placeholder group name no statement can write (the OCID is the control) (docs/testing.md)
                yield return ($"parent group {group}", Principal.User(new IamGroup($"(parent group {group})", null, group)));
                // Stryker disable once String : who the finding names, wording (docs/testing.md)
                yield return ($"parent group {group}", Principal.Foreign(null, new IamGroup(null, null, group)));
            }
            else if (group.IndexOf('/') is var slash and > 0)
                // Stryker disable once String : who the finding names, wording (docs/testing.md)
                yield return ($"parent group {group}", Principal.GroupMember(group[(slash + 1)..], group[..slash]));
            else
                // Stryker disable once String : who the finding names, wording (docs/testing.md)
                yield return ($"parent group {group}", Principal.GroupMember(group));
        }
        foreach (var domain in parent.IdentityDomains)
        {
            // A user of the parent's identity domain belongs only to groups of that domain: probe every group of
            // that domain a statement names, and one no statement names (for any-user / any-group grants). Copies of
            // a text name nothing new, so the distinct texts suffice (and keep the order of first mention).
            var named = statements.Distinct.Select(s => s.Syntax switch { GrantStatement g => g.Subject, _ => null })
                .OfType<GroupSubject>().SelectMany(g => g.Groups)
                .Where(r => !r.IsDynamic && r.Name is not null && string.Equals(r.EffectiveDomain, domain, StringComparison.OrdinalIgnoreCase))
                .Select(r => r.Name!).Append("(any other group)").Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var name in named)
                // Stryker disable once String : who the finding names, wording (docs/testing.md)
                yield return ($"members of parent domain {domain}", Principal.GroupMember(name, domain));
        }
        // Foreign principals act in this tenancy only through admit statements (both tenancies must agree), so a
        // user of the parent tenancy in unknown groups is the probe; foreign services need admits as well.
        foreach (var tenancy in parent.TenancyOcids)
            // Stryker disable once String : who the finding names, wording (docs/testing.md)
            yield return ($"users of parent tenancy {tenancy}", Principal.Foreign(tenancy) with { MembershipComplete = false });
    }
}
