using Enclave.Policy.Graph;
using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>The reverse query: everyone who may do something, and through which statement.</summary>
public sealed partial class AccessEvaluator
{
    /// <summary>
    /// Every subject of every statement that may grant (or, for deny statements, take away)
    /// <paramref name="verb"/> on <paramref name="resourceType"/> in <paramref name="compartment"/>. A group is
    /// listed once per statement naming it; conditions are evaluated as far as the subject alone decides them.
    /// </summary>
    /// <param name="budget">Charged one evaluation per statement and subject weighed (none: unbounded).</param>
    /// <exception cref="EvaluationBudgetExceededException">The query would pass <paramref name="budget"/>.</exception>
    public AccessTable WhoMay(Verb verb, string resourceType, string? compartment, AccessContext? context = null,
        EvaluationBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        var target = TargetOf(compartment);
        var query = new Query(verb, resourceType, target);
        var grants = ImmutableArray.CreateBuilder<AccessEntry>();
        var denies = ImmutableArray.CreateBuilder<AccessEntry>();
        var unknownSubject = new AccessSubject(AccessSubjectKind.Unknown);
        var subjectsOf = _subjectsOf.Value;
        var candidates = Candidates(query);
        var count = candidates?.Count ?? Policies.Statements.Length;
        for (var c = 0; c < count; c++)
        {
            var i = candidates?[c] ?? c;
            var statement = Policies.Statements[i];
            if (statement.IsOpaque)
            {
                budget?.Spend();
                var (mayAllow, mayDeny) = statement.OpaqueEffects();
                if (mayAllow) grants.Add(new AccessEntry(unknownSubject, Opaque(statement)));
                if (mayDeny) denies.Add(new AccessEntry(unknownSubject, Opaque(statement)));
                continue;
            }
            var (effect, access, condition) = statement.Syntax switch
            {
                GrantStatement g => (g.Effect, g.Access, g.Condition),
                AdmitStatement a => (a.Effect, a.Access, a.Condition),
                _ => (Effect.Allow, null!, null),
            };
            foreach (var (subject, principal) in subjectsOf[i] ?? [])
            {
                budget?.Spend();
                var match = Match(i, Truth.True, access, condition, effect, query, principal, context ?? AccessContext.None);
                if (match is not null) (effect == Effect.Allow ? grants : denies).Add(new AccessEntry(subject, match));
            }
        }
        return new AccessTable(verb, resourceType, compartment, grants.ToImmutable(), denies.ToImmutable());
    }

    /// <summary>Each subject, with a stand-in principal whose other memberships are unknown (for conditions).</summary>
    private static List<(AccessSubject, Principal?)> Local(Subject subject) => subject switch
    {
        AnyUserSubject => [(new AccessSubject(AccessSubjectKind.AnyUser), null)],
        AnyGroupSubject => [(new AccessSubject(AccessSubjectKind.AnyGroup), null)],
        ServiceSubject s => s.Names.Select(n => (new AccessSubject(AccessSubjectKind.Service, n), (Principal?)Principal.Service(n))).ToList(),
        GroupSubject g => g.Groups.Select(r =>
        {
            var group = new IamGroup(r.Name, r.Domain, r.Id);
            return r.IsDynamic
                ? (new AccessSubject(AccessSubjectKind.DynamicGroup, r.Name, r.Domain, r.Id), Principal.Resource(null, null, group))
                : (new AccessSubject(AccessSubjectKind.Group, r.Name, r.Domain, r.Id),
                    (Principal?)(Principal.User(group) with { MembershipComplete = false }));
        }).ToList(),
        _ => [(new AccessSubject(AccessSubjectKind.Unknown), null)],
    };

    private List<(AccessSubject, Principal?)> Admitted(AdmitStatement admit, IamPolicy policy)
    {
        var tenancyId = _index.Define(DefineKind.Tenancy, admit.TenancyAlias, policy);
        AccessSubject Make(AccessSubjectKind kind, string? name = null, string? id = null) =>
            new(kind, name, null, id, admit.TenancyAlias, tenancyId);
        var subjects = admit.Subject switch
        {
            AnyUserSubject => [Make(AccessSubjectKind.ForeignAnyUser)],
            AnyGroupSubject => [Make(AccessSubjectKind.ForeignAnyGroup)],
            ServiceSubject s => s.Names.Select(n => Make(AccessSubjectKind.ForeignService, n)).ToList(),
            GroupSubject g => g.Groups.Select(r => Make(
                r.IsDynamic ? AccessSubjectKind.ForeignDynamicGroup : AccessSubjectKind.ForeignGroup, r.Name,
                r.Id ?? (r.Name is null ? null : _index.Define(r.IsDynamic ? DefineKind.DynamicGroup : DefineKind.Group, r.Name, policy)))).ToList(),
            _ => [Make(AccessSubjectKind.Unknown)],
        };
        return subjects.Select(s => (s, (Principal?)null)).ToList();
    }
}
