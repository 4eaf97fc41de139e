using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>Rule R4's text side: every identity a statement names.</summary>
public static partial class PolicyFindings
{
    /// <summary>
    /// Every group, dynamic group, domain, service, tenancy alias and OCID a statement names, and every condition
    /// operand (with its variable). A statement that did not parse yields its raw text, so that a rule can still
    /// search it for a forbidden name.
    /// </summary>
    public static ImmutableArray<IdentityMention> MentionedIdentities(IEnumerable<PolicyStatement> statements)
    {
        var found = ImmutableArray.CreateBuilder<IdentityMention>();
        foreach (var s in statements)
        {
            void Add(IdentityMentionKind kind, string value, string? qualifier = null) =>
                found.Add(new IdentityMention(s, kind, value, qualifier));

            switch (s.Syntax)
            {
                case null when s.Text is not null:
                    Add(IdentityMentionKind.Unparsed, s.Text);
                    break;
                case GrantStatement g:
                    Subject(g.Subject, Add);
                    Location(g.Location, Add);
                    Condition(g.Condition, Add);
                    break;
                case EndorseStatement e:
                    Subject(e.Subject, Add);
                    Location(e.Location, Add);
                    if (e.Access is AssociateAccess { WithLocation: var with }) Location(with, Add);
                    Condition(e.Condition, Add);
                    break;
                case AdmitStatement a:
                    Subject(a.Subject, Add);
                    Add(IdentityMentionKind.TenancyAlias, a.TenancyAlias);
                    Location(a.Location, Add);
                    if (a.Access is AssociateAccess { WithLocation: var with2 }) Location(with2, Add);
                    Condition(a.Condition, Add);
                    break;
                case DefineStatement d:
                    Add(d.Kind switch
                    {
                        DefineKind.Tenancy => IdentityMentionKind.TenancyAlias,
                        DefineKind.Group => IdentityMentionKind.GroupName,
                        _ => IdentityMentionKind.DynamicGroupName,
                    }, d.Alias);
                    Add(IdentityMentionKind.DefinedOcid, d.Ocid, d.Alias);
                    break;
            }
        }
        return found.ToImmutable();
    }

    private static void Subject(Subject subject, Action<IdentityMentionKind, string, string?> add)
    {
        switch (subject)
        {
            case ServiceSubject s:
                foreach (var name in s.Names) add(IdentityMentionKind.Service, name, null);
                break;
            case GroupSubject g:
                foreach (var r in g.Groups)
                {
                    if (r.Id is not null)
                        add(r.IsDynamic ? IdentityMentionKind.DynamicGroupId : IdentityMentionKind.GroupId, r.Id, null);
                    if (r.Name is not null)
                        add(r.IsDynamic ? IdentityMentionKind.DynamicGroupName : IdentityMentionKind.GroupName, r.Name, r.Domain);
                    if (r.Domain is not null) add(IdentityMentionKind.Domain, r.Domain, null);
                }
                break;
        }
    }

    private static void Location(Location location, Action<IdentityMentionKind, string, string?> add)
    {
        switch (location)
        {
            case CompartmentIdLocation c: add(IdentityMentionKind.CompartmentId, c.Id, null); break;
            case ForeignTenancyLocation f: add(IdentityMentionKind.TenancyAlias, f.Alias, null); break;
        }
    }

    private static void Condition(Condition? condition, Action<IdentityMentionKind, string, string?> add)
    {
        switch (condition)
        {
            case ConditionGroup g:
                foreach (var item in g.Items) Condition(item, add);
                break;
            case ConditionClause c:
                foreach (var v in c.Values) add(IdentityMentionKind.ConditionValue, v.Text, c.Variable);
                break;
        }
    }
}
