using Enclave.Policy.Graph;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Enclave.Policy.Iam;

/// <summary>
/// Statement-level questions the rule catalogue asks (R2, R3, R5–R7, CIS 1.3). They read the parsed statements
/// only; opaque statements (unknown or unreadable) are not in their answers, so a rule must also look at
/// <see cref="Opaque"/> and report "undetermined" when there are any.
/// </summary>
public static partial class PolicyFindings
{
    /// <summary>The IAM resource types whose management is the gatekeepers' alone.</summary>
    public static readonly ImmutableArray<string> IamTypes =
    [
        "policies", "groups", "dynamic-groups", "identity-providers", "network-sources", "authentication-policies",
        "domains", "users", "compartments",
    ];

    private static readonly (string Prefix, string Type)[] IamPermissionPrefixes =
    [
        ("POLICY_", "policies"), ("GROUP_", "groups"), ("DYNAMIC_GROUP_", "dynamic-groups"),
        ("IDENTITY_PROVIDER_", "identity-providers"), ("NETWORK_SOURCE_", "network-sources"),
        ("AUTHENTICATION_POLICY_", "authentication-policies"), ("DOMAIN_", "domains"), ("USER_", "users"),
        ("COMPARTMENT_", "compartments"),
    ];

    // These scan every statement of a tenancy once per rule: plain loops, no closure per statement, and the
    // answers that depend only on the access or condition are worked out once per distinct one.

    /// <summary>Statements that are unknown until deploy or unreadable: any rule meeting one is undetermined.</summary>
    public static ImmutableArray<PolicyStatement> Opaque(IEnumerable<PolicyStatement> statements)
    {
        var found = ImmutableArray.CreateBuilder<PolicyStatement>();
        foreach (var s in statements)
            if (s.IsOpaque) found.Add(s);
        return found.ToImmutable();
    }

    /// <summary>Every define, endorse and admit (including the deny forms): the cross-tenancy links of rule R2.</summary>
    public static ImmutableArray<PolicyStatement> CrossTenancy(IEnumerable<PolicyStatement> statements)
    {
        var found = ImmutableArray.CreateBuilder<PolicyStatement>();
        foreach (var s in statements)
            if (s.Syntax is DefineStatement or EndorseStatement or AdmitStatement) found.Add(s);
        return found.ToImmutable();
    }

    /// <summary>Allow/admit statements granting <c>manage all-resources</c> (rule R6, CIS 1.2).</summary>
    public static ImmutableArray<PolicyStatement> ManageAllResources(IEnumerable<PolicyStatement> statements)
    {
        var found = ImmutableArray.CreateBuilder<PolicyStatement>();
        foreach (var s in statements)
            if (Granting(s) is (_, VerbAccess { Verb: Verb.Manage, ResourceType: VerbAccess.AllResources }, _)) found.Add(s);
        return found.ToImmutable();
    }

    /// <summary>
    /// Allow/admit statements that may give at least <paramref name="minimum"/> on an IAM type, directly, through
    /// <c>all-resources</c>, or through IAM permissions in a permission list (rule R5).
    /// </summary>
    public static ImmutableArray<IamGrant> IamGrants(IEnumerable<PolicyStatement> statements, Verb minimum = Verb.Manage)
    {
        var found = ImmutableArray.CreateBuilder<IamGrant>();
        var byType = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var s in statements)
        {
            if (Granting(s) is not var (subject, access, condition)) continue;
            ImmutableArray<string> types;
            if (access is VerbAccess v && v.Verb >= minimum)
            {
                ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(byType, v.ResourceType, out var seen);
                if (!seen) known = IamTypesCovered(v.ResourceType);
                types = known;
            }
            else types = access is PermissionAccess p ? IamTypesListed(p, minimum) : [];
            if (types.Length > 0) found.Add(new IamGrant(s, subject, types, condition is not null));
        }
        return found.ToImmutable();
    }

    private static ImmutableArray<string> IamTypesCovered(string resourceType)
    {
        var types = ImmutableArray.CreateBuilder<string>();
        foreach (var t in IamTypes)
            if (ResourceFamilies.Covers(resourceType, t).Possible()) types.Add(t);
        return types.ToImmutable();
    }

    private static ImmutableArray<string> IamTypesListed(PermissionAccess access, Verb minimum) =>
        [.. IamPermissionPrefixes
            .Where(x => access.Permissions.Any(n => n.StartsWith(x.Prefix, StringComparison.Ordinal) && Mutates(n, minimum)))
            .Select(x => x.Type).Distinct()];

    /// <summary>
    /// <c>any-user</c>/<c>any-group</c> allows whose condition does not require a principal type or principal
    /// compartment (rule R3). A requirement inside <c>any {…}</c> counts only if every branch has one.
    /// </summary>
    public static ImmutableArray<PolicyStatement> UnscopedAnyPrincipal(IEnumerable<PolicyStatement> statements)
    {
        var found = ImmutableArray.CreateBuilder<PolicyStatement>();
        foreach (var s in statements)
            if (s.Syntax is GrantStatement { Effect: Effect.Allow, Subject: AnyUserSubject or AnyGroupSubject } g
                && !RequiresPrincipalScope(g.Condition))
                found.Add(s);
        return found.ToImmutable();
    }

    /// <summary>
    /// Tenancy-level allows that may give <c>use</c> or more on groups without keeping the Administrators group out
    /// (<c>target.group.name != 'Administrators'</c>, CIS 1.3). Grants to Administrators itself are not listed.
    /// </summary>
    public static ImmutableArray<PolicyStatement> AdministratorsGroupUnguarded(IEnumerable<PolicyStatement> statements)
    {
        var found = ImmutableArray.CreateBuilder<PolicyStatement>();
        foreach (var s in statements)
            if (s.Syntax is GrantStatement { Effect: Effect.Allow, Location: TenancyLocation, Access: VerbAccess { Verb: >= Verb.Use } v } g
                && ResourceFamilies.Covers(v.ResourceType, "groups").Possible()
                && !IsAdministratorsOnly(g.Subject)
                && (g.Condition is null || ConditionEvaluator.Evaluate(g.Condition, TargetGroupIsAdministrators).Possible()))
                found.Add(s);
        return found.ToImmutable();
    }

    private static readonly Func<string, VariableValue> TargetGroupIsAdministrators =
        name => Only(name, "target.group.name", "Administrators");

    /// <summary>Subject, access and condition of an allow or admit; null for anything else.</summary>
    private static (Subject Subject, Access Access, Condition? Condition)? Granting(PolicyStatement s) => s.Syntax switch
    {
        GrantStatement { Effect: Effect.Allow } g => (g.Subject, g.Access, g.Condition),
        AdmitStatement { Effect: Effect.Allow } a => (a.Subject, a.Access, a.Condition),
        _ => null,
    };

    private static bool Mutates(string permission, Verb minimum) =>
        minimum <= Verb.Read || !(permission.EndsWith("_READ", StringComparison.Ordinal) || permission.EndsWith("_INSPECT", StringComparison.Ordinal));

    private static bool RequiresPrincipalScope(Condition? condition) => condition switch
    {
        ConditionClause c => c.Operator is ConditionOperator.Equal or ConditionOperator.In
            && (c.Variable.Equals("request.principal.type", StringComparison.OrdinalIgnoreCase)
                || c.Variable.Equals("request.principal.compartment.id", StringComparison.OrdinalIgnoreCase)),
        ConditionGroup { IsAll: true } g => g.Items.Any(RequiresPrincipalScope),
        ConditionGroup g => g.Items.All(RequiresPrincipalScope),
        _ => false,
    };

    private static bool IsAdministratorsOnly(Subject subject) =>
        subject is GroupSubject g && g.Groups.All(r => !r.IsDynamic && r.Id is null
            && IdentityIndex.Same(r.Name, "Administrators") && IdentityIndex.Same(r.EffectiveDomain, GroupReference.DefaultDomain));

    /// <summary>A lookup that knows one variable and nothing else.</summary>
    private static VariableValue Only(string variable, string known, string value) =>
        variable.Equals(known, StringComparison.OrdinalIgnoreCase) ? VariableValue.Of(value) : VariableValue.Unknown;
}
