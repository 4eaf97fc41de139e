namespace Enclave.Policy.Iam;

/// <summary>
/// Who is asking, for <see cref="AccessEvaluator.MayAllow"/>. Built with the factory methods; unknown parts stay
/// null and make the answer conservative.
/// </summary>
public sealed record Principal
{
    private Principal(PrincipalKind kind) => Kind = kind;

    /// <summary>What sort of principal this is.</summary>
    public PrincipalKind Kind { get; }

    /// <summary>
    /// Group memberships: groups for a user, asserted dynamic groups for a resource, foreign groups (by OCID) for a
    /// foreign principal.
    /// </summary>
    public ValueList<IamGroup> Groups { get; init; } = ValueList<IamGroup>.Empty;

    /// <summary>
    /// True when <see cref="Groups"/> is the whole membership. When false, a statement naming another group may
    /// still apply (unknown). A resource with an incomplete list is also matched against dynamic-group rules.
    /// </summary>
    public bool MembershipComplete { get; init; } = true;

    /// <summary>The service name (for <see cref="Service"/> and foreign services).</summary>
    public string? ServiceName { get; init; }

    /// <summary>The user or resource OCID (<c>request.principal.id</c>, <c>request.user.id</c>).</summary>
    public string? Id { get; init; }

    /// <summary>The user name (<c>request.user.name</c>).</summary>
    public string? UserName { get; init; }

    /// <summary>For a resource principal, its type (<c>request.principal.type</c>: instance, fnfunc, serviceconnector…).</summary>
    public string? ResourceType { get; init; }

    /// <summary>For a resource principal, its compartment OCID (<c>request.principal.compartment.id</c>).</summary>
    public string? CompartmentId { get; init; }

    /// <summary>For a foreign principal, the OCID of its home tenancy.</summary>
    public string? TenancyId { get; init; }

    /// <summary>For a foreign principal, true when it is an instance or resource principal rather than a user.</summary>
    public bool IsResource { get; init; }

    /// <summary>A user who belongs to exactly these groups.</summary>
    public static Principal User(params IamGroup[] groups) => new(PrincipalKind.User) { Groups = new(groups) };

    /// <summary>A member of one group (name, optional domain, optional OCID).</summary>
    public static Principal GroupMember(string name, string? domain = null, string? id = null) =>
        User(new IamGroup(name, domain, id));

    /// <summary>
    /// A user of this tenancy in no group: only <c>any-user</c> statements apply. This is "what does everyone
    /// get"; for a user whose groups are not known use <c>User() with { MembershipComplete = false }</c>.
    /// </summary>
    public static Principal AnyUser => User();

    /// <summary>A member of one dynamic group (membership asserted, not derived from the rule).</summary>
    public static Principal DynamicGroupMember(string name, string? domain = null, string? id = null) =>
        new(PrincipalKind.Resource) { Groups = [new IamGroup(name, domain, id)] };

    /// <summary>
    /// A resource principal (instance, function, connector…); its dynamic groups are derived from the model's
    /// matching rules, plus any listed.
    /// </summary>
    public static Principal Resource(string? type, string? compartmentId, params IamGroup[] dynamicGroups) =>
        new(PrincipalKind.Resource)
        {
            ResourceType = type, CompartmentId = compartmentId, Groups = new(dynamicGroups), MembershipComplete = false,
        };

    /// <summary>An OCI service principal of this region (e.g. <c>objectstorage-us-ashburn-1</c>).</summary>
    public static Principal Service(string name) => new(PrincipalKind.Service) { ServiceName = name };

    /// <summary>
    /// A user of another tenancy (the parent company's, say) in the given foreign groups (matched by OCID against
    /// <c>define group</c> aliases). Null tenancy: some foreign tenancy, unknown which.
    /// </summary>
    public static Principal Foreign(string? tenancyId, params IamGroup[] groups) =>
        new(PrincipalKind.Foreign) { TenancyId = tenancyId, Groups = new(groups) };

    /// <summary>
    /// An instance or resource principal of another tenancy, in the given foreign dynamic groups. A null type
    /// leaves <c>request.principal.type</c> unknown.
    /// </summary>
    public static Principal ForeignResource(string? tenancyId, string? type, params IamGroup[] dynamicGroups) =>
        new(PrincipalKind.Foreign) { TenancyId = tenancyId, Groups = new(dynamicGroups), ResourceType = type, IsResource = true };

    /// <summary>A service principal of another tenancy.</summary>
    public static Principal ForeignService(string? tenancyId, string name) =>
        new(PrincipalKind.Foreign) { TenancyId = tenancyId, ServiceName = name };

    /// <summary>The value of <c>request.principal.type</c> this principal has, or null when unknown.</summary>
    internal string? PrincipalType => Kind switch
    {
        PrincipalKind.User => "user",
        PrincipalKind.Resource => ResourceType,
        PrincipalKind.Foreign when ServiceName is null => IsResource ? ResourceType : "user",
        _ => null,
    };
}

/// <summary>The sorts of <see cref="Principal"/>.</summary>
public enum PrincipalKind
{
    /// <summary>A user of this tenancy, through its groups.</summary>
    User,

    /// <summary>An instance or resource principal, through dynamic groups.</summary>
    Resource,

    /// <summary>An OCI service.</summary>
    Service,

    /// <summary>Any principal of another tenancy.</summary>
    Foreign,
}
