using Enclave.Policy.Graph;
namespace Enclave.Policy.Iam;

/// <summary>
/// Does a statement's subject cover a principal (reference §3.4 step 3)? <c>any-user</c> covers everyone,
/// foreign and service principals included; <c>any-group</c> every group or dynamic-group member; a named group
/// its members (no domain = Default); a dynamic group the resources its matching rule selects; an
/// <c>admit</c> only foreign principals of the admitted tenancy and group.
/// </summary>
internal sealed class SubjectMatcher(IdentityIndex index)
{
    private readonly IamGroup _administrators = index.Complete(GroupReference.ByName("Administrators"));

    /// <summary>
    /// The principal with its groups completed from the model once, so that matching it against thousands of
    /// statements compares strings only.
    /// </summary>
    public Principal Prepare(Principal p) => p.Kind is PrincipalKind.User or PrincipalKind.Resource
        ? p with { Groups = new(p.Groups.Select(g => index.Complete(g, p.Kind == PrincipalKind.Resource))) }
        : p;

    /// <summary>
    /// Does the subject cover the prepared principal? <paramref name="references"/> are the subject's group
    /// references completed from the model (null: complete them here).
    /// </summary>
    public Truth Matches(Subject subject, IamGroup[]? references, Principal p)
    {
        switch (subject)
        {
            case AnyUserSubject: return Truth.True;
            case AnyGroupSubject: return AnyGroup(p);
            case ServiceSubject s:
                return TruthLogic.Of(p.Kind == PrincipalKind.Service && Names(s, p.ServiceName));
            case GroupSubject g:
                var result = Truth.False;
                for (var i = 0; i < g.Groups.Count && result != Truth.True; i++)
                    result = result.Or(Reference(g.Groups[i], references?[i] ?? index.Complete(g.Groups[i]), p));
                return result;
            default:
                return Truth.Unknown;
        }
    }

    /// <summary>Default-domain Administrators (of the prepared principal) are exempt from deny statements.</summary>
    public Truth IsAdministrator(Principal p) =>
        p.Kind == PrincipalKind.User ? Member(_administrators, p) : Truth.False;

    public Truth MatchesAdmit(AdmitStatement admit, Principal p, IamPolicy policy)
    {
        if (p.Kind != PrincipalKind.Foreign) return Truth.False;
        var tenancy = index.Define(DefineKind.Tenancy, admit.TenancyAlias, policy);
        var sameTenancy = tenancy is null || p.TenancyId is null
            ? Truth.Unknown
            : TruthLogic.Of(IdentityIndex.Same(tenancy, p.TenancyId));
        var subject = admit.Subject switch
        {
            AnyUserSubject => Truth.True,
            AnyGroupSubject => p.Groups.Count > 0 ? Truth.True : Incomplete(p),
            ServiceSubject s => TruthLogic.Of(Names(s, p.ServiceName)),
            GroupSubject g => ForeignGroups(g, p, policy),
            _ => Truth.Unknown,
        };
        return sameTenancy.And(subject);
    }

    // Matching runs once per statement for every principal asked about, so these helpers are plain loops: a
    // lambda capturing the principal would allocate on every call, matched or not.

    private static bool Names(ServiceSubject subject, string? serviceName)
    {
        foreach (var n in subject.Names)
            if (IdentityIndex.Same(n, serviceName)) return true;
        return false;
    }

    private static bool HasGroupId(Principal p, string? id)
    {
        foreach (var g in p.Groups)
            if (IdentityIndex.Same(g.Id, id)) return true;
        return false;
    }

    private Truth ForeignGroups(GroupSubject subject, Principal p, IamPolicy policy)
    {
        var result = Truth.False;
        foreach (var r in subject.Groups) result = result.Or(ForeignGroup(r, p, policy));
        return result;
    }

    private Truth ForeignGroup(GroupReference r, Principal p, IamPolicy policy)
    {
        var id = r.Id ?? index.Define(r.IsDynamic ? DefineKind.DynamicGroup : DefineKind.Group, r.Name!, policy);
        if (id is null) return Truth.Unknown;
        if (HasGroupId(p, id)) return Truth.True;
        return p.Groups.Any(g => g.Id is null) ? Truth.Unknown : Incomplete(p);
    }

    private Truth AnyGroup(Principal p) => p.Kind switch
    {
        PrincipalKind.User => p.Groups.Count > 0 ? Truth.True : Incomplete(p),
        PrincipalKind.Resource => p.Groups.Count > 0 ? Truth.True
            : p.MembershipComplete ? Truth.False
            : AnyDynamicGroupRule(p) ? Truth.True : Truth.Unknown,
        PrincipalKind.Foreign => Truth.Unknown,
        _ => Truth.False,
    };

    private Truth Reference(GroupReference r, IamGroup completed, Principal p) => p.Kind switch
    {
        PrincipalKind.User when !r.IsDynamic => Member(completed, p),
        PrincipalKind.Resource when r.IsDynamic => DynamicMember(completed, p),
        // A foreign group's OCID in an ordinary statement is suspicious and its effect unclear: say it may.
        PrincipalKind.Foreign when r.Id is not null && HasGroupId(p, r.Id) => Truth.Unknown,
        _ => Truth.False,
    };

    private bool AnyDynamicGroupRule(Principal p)
    {
        foreach (var (_, rule) in index.DynamicGroups)
            if (Rule(rule, p) == Truth.True) return true;
        return false;
    }

    private static Truth Asserted(IamGroup reference, Principal p)
    {
        var result = Truth.False;
        foreach (var g in p.Groups)
        {
            result = result.Or(IdentityIndex.Compare(reference, g));
            if (result == Truth.True) break;
        }
        return result;
    }

    private static Truth Member(IamGroup reference, Principal p)
    {
        var result = Asserted(reference, p);
        return result == Truth.False ? Incomplete(p) : result;
    }

    private Truth DynamicMember(IamGroup reference, Principal p)
    {
        var asserted = Asserted(reference, p);
        if (asserted == Truth.True || p.MembershipComplete) return asserted;
        var byRule = Truth.False;
        var found = false;
        foreach (var (group, rule) in index.DynamicGroups)
        {
            var names = IdentityIndex.Compare(reference, group);
            if (names == Truth.False) continue;
            found |= names == Truth.True;
            byRule = byRule.Or(names.And(Rule(rule, p)));
        }
        // A dynamic group the model lacks has members we cannot know.
        return found ? asserted.Or(byRule) : Truth.Unknown;
    }

    private static Truth Rule(Condition? rule, Principal p) =>
        rule is null ? Truth.Unknown : ConditionEvaluator.Evaluate(rule, v => RequestVariables.ResourceLookup(p, v));

    private static Truth Incomplete(Principal p) => p.MembershipComplete ? Truth.False : Truth.Unknown;
}
