using System.Text;

namespace Enclave.Policy.Iam;

/// <summary>
/// Prints statements and conditions in one canonical form: lower-case keywords, single spaces, names quoted only
/// when they must be. Reports use it so that the same grant always reads the same, and
/// <c>Parse(Print(s)) == s</c> holds for every tree the parser can produce.
/// </summary>
public static class PolicyPrinter
{
    /// <summary>The canonical text of a statement.</summary>
    public static string Print(Statement statement)
    {
        var sb = new StringBuilder();
        switch (statement)
        {
            case GrantStatement g:
                sb.Append(g.Effect == Effect.Allow ? "allow " : "deny ");
                Subject(sb, g.Subject);
                sb.Append(" to ");
                Access(sb, g.Access);
                sb.Append(" in ");
                Location(sb, g.Location);
                break;
            case EndorseStatement e:
                sb.Append(e.Effect == Effect.Allow ? "endorse " : "deny endorse ");
                Subject(sb, e.Subject);
                sb.Append(" to ");
                AccessAndLocation(sb, e.Access, e.Location);
                break;
            case AdmitStatement a:
                sb.Append(a.Effect == Effect.Allow ? "admit " : "deny admit ");
                Subject(sb, a.Subject);
                sb.Append(" of tenancy ").Append(Name(a.TenancyAlias)).Append(" to ");
                AccessAndLocation(sb, a.Access, a.Location);
                break;
            case DefineStatement d:
                sb.Append("define ").Append(d.Kind switch
                {
                    DefineKind.Tenancy => "tenancy",
                    DefineKind.Group => "group",
                    _ => "dynamic-group",
                });
                sb.Append(' ').Append(Name(d.Alias)).Append(" as ").Append(d.Ocid);
                break;
        }
        if (statement.Condition is { } condition)
        {
            sb.Append(" where ");
            Condition(sb, condition);
        }
        return sb.ToString();
    }

    /// <summary>The canonical text of a condition.</summary>
    public static string Print(Condition condition)
    {
        var sb = new StringBuilder();
        Condition(sb, condition);
        return sb.ToString();
    }

    /// <summary>The canonical text of a subject (as it appears between the keyword and <c>to</c>).</summary>
    public static string Print(Subject subject)
    {
        var sb = new StringBuilder();
        Subject(sb, subject);
        return sb.ToString();
    }

    private static void AccessAndLocation(StringBuilder sb, Access access, Location location)
    {
        if (access is AssociateAccess a)
        {
            // In the order written: the acceptor's admit names the other tenancy's side first.
            var (firstType, firstAt, secondType, secondAt) = a.ForeignFirst
                ? (a.WithResourceType, a.WithLocation, a.ResourceType, location)
                : (a.ResourceType, location, a.WithResourceType, a.WithLocation);
            sb.Append("associate ").Append(firstType).Append(" in ");
            Location(sb, firstAt);
            sb.Append(" with ").Append(secondType).Append(" in ");
            Location(sb, secondAt);
            return;
        }
        Access(sb, access);
        sb.Append(" in ");
        Location(sb, location);
    }

    private static void Subject(StringBuilder sb, Subject subject)
    {
        switch (subject)
        {
            case AnyUserSubject: sb.Append("any-user"); break;
            case AnyGroupSubject: sb.Append("any-group"); break;
            case ServiceSubject s: sb.Append("service ").AppendJoin(", ", s.Names.Select(Name)); break;
            case GroupSubject g:
                for (var i = 0; i < g.Groups.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Group(sb, g.Groups[i]);
                }
                break;
        }
    }

    private static void Group(StringBuilder sb, GroupReference group)
    {
        sb.Append(group.IsDynamic ? "dynamic-group " : "group ");
        if (group.Id is not null) sb.Append("id ").Append(group.Id);
        else if (group.Domain is null) sb.Append(Name(group.Name ?? ""));
        else sb.Append(Name(group.Domain)).Append('/').Append(Name(group.Name ?? ""));
    }

    private static void Access(StringBuilder sb, Access access)
    {
        switch (access)
        {
            case VerbAccess v: sb.Append(v.Verb.ToString().ToLowerInvariant()).Append(' ').Append(v.ResourceType); break;
            case PermissionAccess p: sb.Append('{').AppendJoin(", ", p.Permissions).Append('}'); break;
            case AssociateAccess a: sb.Append("associate ").Append(a.ResourceType); break;
        }
    }

    private static void Location(StringBuilder sb, Location location)
    {
        switch (location)
        {
            case TenancyLocation: sb.Append("tenancy"); break;
            case AnyTenancyLocation: sb.Append("any-tenancy"); break;
            case ForeignTenancyLocation f: sb.Append("tenancy ").Append(Name(f.Alias)); break;
            case CompartmentIdLocation c: sb.Append("compartment id ").Append(c.Id); break;
            case CompartmentPathLocation p: sb.Append("compartment ").AppendJoin(':', p.Path.Select(Name)); break;
        }
    }

    private static void Condition(StringBuilder sb, Condition condition)
    {
        switch (condition)
        {
            case ConditionGroup g:
                sb.Append(g.IsAll ? "all {" : "any {");
                for (var i = 0; i < g.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Condition(sb, g.Items[i]);
                }
                sb.Append('}');
                break;
            case ConditionClause c:
                sb.Append(c.Variable);
                switch (c.Operator)
                {
                    case ConditionOperator.Between:
                        sb.Append(" between ").Append(Value(c.Values[0])).Append(" and ").Append(Value(c.Values[^1]));
                        break;
                    case ConditionOperator.In or ConditionOperator.NotIn:
                        sb.Append(c.Operator == ConditionOperator.In ? " in (" : " not in (")
                            .AppendJoin(", ", c.Values.Select(Value)).Append(')');
                        break;
                    default:
                        sb.Append(c.Operator switch
                        {
                            ConditionOperator.Equal => " = ",
                            ConditionOperator.NotEqual => " != ",
                            ConditionOperator.Before => " before ",
                            _ => " after ",
                        }).Append(Value(c.Values[0]));
                        break;
                }
                break;
        }
    }

    private static string Value(ConditionValue value) => value.Kind switch
    {
        ConditionValueKind.String => Quote(value.Text),
        ConditionValueKind.Pattern => "/" + value.Text + "/",
        _ => value.Text,
    };

    /// <summary>A name bare when the parser would read it back as the same name, quoted otherwise.</summary>
    private static string Name(string name) =>
        Lexical.IsWord(name) && !Lexical.Keywords.Contains(name) ? name : Quote(name);

    private static string Quote(string text) => text.Contains('\'') ? "\"" + text + "\"" : "'" + text + "'";
}
