using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// The users and groups of a graph read against the stack's break-glass allow-list: which account a user resource is,
/// and whether a reference to a user (a credential's owner, a membership's member) names an account that allows
/// something. A reference the gate cannot tie to an allowed account is not allowed: a user outside the stack and not
/// listed by OCID is nobody the gatekeepers approved.
/// </summary>
public sealed class IdentityPlaneGraph
{
    public static readonly string[] UserTypes = [OciTypes.User, OciTypes.DomainsUser];
    public static readonly string[] GroupTypes = [OciTypes.Group, OciTypes.DomainsGroup];

    private readonly ResourceGraph _graph;
    private readonly IdentityPlane _plane;
    private readonly HashSet<ResourceNode> _users;
    private readonly HashSet<ResourceNode> _groups;

    public IdentityPlaneGraph(RuleContext context)
    {
        _graph = context.Graph;
        _plane = context.Policy.Identity;
        _users = References.Set(UserTypes.SelectMany(_graph.OfType));
        _groups = References.Set(GroupTypes.SelectMany(_graph.OfType));
    }

    /// <summary>The break-glass account a user resource is: Unknown while its name or addresses are not known.</summary>
    public (Truth Allowed, BreakGlassAccount? Account, string Why) AccountOf(ResourceNode user)
    {
        var name = user.Input(user.IsType(OciTypes.DomainsUser) ? "userName" : "name");
        if (!name.IsKnown) return (Truth.Unknown, null, "its name is not known until deploy");
        if (name.AsString() is not { Length: > 0 } text) return (Truth.False, null, "it has no name, so no breakGlass entry can allow it");
        var account = Account(text);
        if (account is null) return (Truth.False, null, $"'{text}' is not a user of breakGlass.users");
        if (account.Email is not { } email) return (Truth.True, account, $"'{text}' is a breakGlass user");
        var addresses = user.IsType(OciTypes.DomainsUser) ? Emails(user.Input("emails")) : [user.Input("email")];
        var sameEmail = Truth.True;
        foreach (var address in addresses)
            sameEmail = sameEmail.And(address.IsNull ? Truth.True : address.EqualsString(email, StringComparison.OrdinalIgnoreCase));
        return (sameEmail, account, sameEmail == Truth.False
            ? $"'{text}' has an e-mail address other than its breakGlass entry's ({email})"
            : $"'{text}' is a breakGlass user");
    }

    /// <summary>
    /// Does the user that <paramref name="value"/> (input <paramref name="key"/> of <paramref name="from"/>) names
    /// belong to an account for which <paramref name="allows"/> holds? <paramref name="ocid"/> is a second identifier
    /// some references carry (an identity domain's <c>members[].ocid</c>, <c>user.ocid</c>). Both are writable and the
    /// gate cannot say which one the identity domain honours when they differ, so each one set must name an allowed
    /// account: a break-glass user's id beside a parent-company user's OCID (or the other way round) is not allowed.
    /// </summary>
    public Truth UserAllows(ResourceNode from, string key, PropertyValue value, PropertyValue ocid,
        Func<BreakGlassAccount, Truth> allows, out string who)
    {
        var result = OneUserAllows(from, key, value, allows, out who);
        if (ocid.IsNull) return result;
        var byOcid = OneUserAllows(from, key, ocid, allows, out var whoByOcid);
        // The identifier that fails (or is not known) is the one to name.
        if (byOcid != Truth.True && (result == Truth.True || byOcid == Truth.False && result != Truth.False))
            who = value.IsNull ? whoByOcid : $"{whoByOcid} (by its ocid; its value names {who})";
        return result.And(byOcid);
    }

    /// <summary><see cref="UserAllows"/> for one identifier.</summary>
    private Truth OneUserAllows(ResourceNode from, string key, PropertyValue id, Func<BreakGlassAccount, Truth> allows, out string who)
    {
        if (id.AsString() is { } s && _plane.Users.FirstOrDefault(u => u.Ocid == s) is { } listed)
        {
            who = $"breakGlass user '{listed.Name}' ({s})";
            return allows(listed);
        }
        var result = Truth.True;
        var certain = false;
        who = id.IsKnown ? $"user {id}" : "a user not known until deploy";
        foreach (var user in References.Candidates(_graph, from, key, id, _users))
        {
            if (!_users.Contains(user)) continue;
            var named = References.Identifies(_graph, from, key, id, user, UserTypes, user.Id, user["ocid"]);
            if (named == Truth.False) continue;
            certain |= named == Truth.True;
            var (allowed, account, why) = AccountOf(user);
            result = result.And(named.Not().Or(account is null ? allowed : allowed.And(allows(account))));
            who = $"{user.Label} ({why})";
        }
        if (certain) return result;
        if (!id.IsKnown) return result.And(Truth.Unknown);
        who = id.IsNull ? "no user" : $"user {id}, which the stack does not declare and breakGlass.users does not list by OCID";
        return Truth.False;
    }

    /// <summary>
    /// The name of the group <paramref name="value"/> names (Unknown while not known; False, with a null name, when it
    /// is a group outside the stack, whose name the gate cannot read).
    /// </summary>
    public (Truth Known, string? Name, string Described) GroupNamed(ResourceNode from, string key, PropertyValue value)
    {
        foreach (var group in References.Candidates(_graph, from, key, value, _groups))
        {
            if (!_groups.Contains(group) || References.Identifies(_graph, from, key, value, group, GroupTypes) != Truth.True) continue;
            var name = GroupName(group);
            return name.AsString() is { } text ? (Truth.True, text, $"group {text}") : (Truth.Unknown, null, $"{group.Label} (name not known until deploy)");
        }
        return value.IsKnown
            ? (Truth.False, null, $"group {value}, which the stack does not declare")
            : (Truth.Unknown, null, "a group not known until deploy");
    }

    /// <summary>The group's name: <c>name</c> of a legacy group, <c>displayName</c> of an identity-domain group.</summary>
    public static PropertyValue GroupName(ResourceNode group) => group.Input(group.IsType(OciTypes.DomainsGroup) ? "displayName" : "name");

    /// <summary>May the account be a member of the named group (three-valued with the group's resolution)?</summary>
    public static Truth MayJoin(BreakGlassAccount account, (Truth Known, string? Name, string Described) group) =>
        group.Name is { } name ? TruthLogic.Of(account.Groups.Contains(name, StringComparer.OrdinalIgnoreCase)) : group.Known;

    private BreakGlassAccount? Account(string name) =>
        _plane.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>An identity-domain user's <c>emails[].value</c> (the whole list when it is not known).</summary>
    private static List<PropertyValue> Emails(PropertyValue emails) =>
        emails.IsKnown ? [.. emails.AsList().Select(e => e["value"])] : [emails];
}
