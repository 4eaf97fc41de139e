using System.Runtime.InteropServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>
/// One principal a statement names (a group, a dynamic group, a service, any-user, any-group, an admitted foreign
/// principal) and where it stands with the allow-list.
/// </summary>
/// <param name="Who">How a report names it, e.g. <c>group UsdsEnclave/usde-prod-operators</c>.</param>
/// <param name="Allowed">True: a persona or one of the enclave's own principals; False: an outsider; Unknown: not decided until deploy.</param>
/// <param name="Persona">The persona, when it is one (its grants are then held to the persona's ceiling).</param>
/// <param name="Why">Why it stands where it does.</param>
public sealed record SubjectStanding(string Who, Truth Allowed, Persona? Persona, string Why);

/// <summary>Where each principal of a statement stands (see <see cref="DataAccessJudge"/>).</summary>
internal static class Standings
{
    public static List<SubjectStanding> Of(Statement syntax, EnclaveIdentities ids)
    {
        var standings = new List<SubjectStanding>();
        switch (syntax)
        {
            case GrantStatement g:
                Local(g.Subject, g.Condition, ids, standings);
                break;
            case AdmitStatement a:
                standings.Add(new SubjectStanding($"{PolicyPrinter.Print(a.Subject)} of tenancy {a.TenancyAlias}", Truth.False, null,
                    "principals of another tenancy (admit) are never on the allow-list"));
                break;
        }
        return standings;
    }

    private static void Local(Subject subject, Condition? condition, EnclaveIdentities ids, List<SubjectStanding> into)
    {
        // Lazily: most subjects are personas or services and never need the (costlier) pin probe.
        Truth? pinned = null;
        Truth Pinned() => pinned ??= ConditionProbe.Pins(condition, ids.PrincipalPins);
        // A principal with the same pin verdict stands the same in every statement: made once, shared.
        SubjectStanding Memo(object part, Truth pin, Func<SubjectStanding> make)
        {
            ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(ids.Standings, (part, pin), out var seen);
            if (!seen) known = make();
            return known!;
        }
        const string PinNote = "; only a condition pinning request.principal.compartment.id, request.principal.id or request.groups.id to the enclave's own would scope it (a principal type alone is tenancy-wide)";
        switch (subject)
        {
            case AnyUserSubject or AnyGroupSubject:
            {
                var who = subject is AnyUserSubject ? "any-user" : "any-group";
                into.Add(Memo(subject, Pinned(), () => new SubjectStanding(who, Pinned(), null, Pinned() switch
                {
                    Truth.True => $"{who}, pinned by its condition to the enclave's own principals",
                    Truth.Unknown => $"{who}: whether its condition pins it to the enclave's own principals is known only at deploy",
                    _ => $"{who} covers every principal of the tenancy{PinNote}",
                })));
                break;
            }
            case ServiceSubject s:
                foreach (var name in s.Names)
                    into.Add(Memo(name, Truth.True, () => ids.ServiceProblem(name) is { } problem
                        ? new SubjectStanding($"service {name}", Truth.False, null, problem)
                        : new SubjectStanding($"service {name}", Truth.True, null, $"service {name} is one of the enclave's service principals")));
                break;
            case GroupSubject g:
                foreach (var r in g.Groups)
                {
                    if (ids.PersonaOf(r) is { } persona)
                    {
                        into.Add(Memo(r, Truth.True, () => new SubjectStanding(Who(r), Truth.True, persona, $"{Who(r)} is the {persona} persona")));
                        continue;
                    }
                    var (own, why) = r.IsDynamic ? ids.DynamicGroup(r) : (Truth.False, $"{Who(r)} is not one of the stack's personas");
                    var standing = own == Truth.True ? Truth.True : own.Or(Pinned());
                    into.Add(Memo(r, standing, () => new SubjectStanding(Who(r), standing, null, standing switch
                    {
                        Truth.True when own == Truth.True => $"{Who(r)}: {why}",
                        Truth.True => $"{Who(r)}, pinned by its condition to the enclave's own principals",
                        Truth.Unknown => $"{Who(r)}: {why}",
                        _ => $"{why}{PinNote}",
                    })));
                }
                break;
            default:
                into.Add(new SubjectStanding(PolicyPrinter.Print(subject), Truth.False, null, "an unrecognised subject"));
                break;
        }
    }

    private static string Who(GroupReference r) => $"{(r.IsDynamic ? "dynamic-group" : "group")} {EnclaveIdentities.Describe(r)}";
}
