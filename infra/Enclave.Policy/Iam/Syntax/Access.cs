namespace Enclave.Policy.Iam;

/// <summary>What a statement lets the subject do: a verb on a resource type, a permission list, or an association.</summary>
public abstract record Access;

/// <summary><c>VERB RESOURCE-TYPE</c>, e.g. <c>manage object-family</c>. The type is stored in lower case.</summary>
/// <param name="Verb">inspect, read, use or manage.</param>
/// <param name="ResourceType">An individual type, a family or <c>all-resources</c>, lower case.</param>
public sealed record VerbAccess(Verb Verb, string ResourceType) : Access
{
    /// <summary>The type that means every resource type.</summary>
    public const string AllResources = "all-resources";
}

/// <summary><c>{PERMISSION, …}</c>: individual API permissions, stored in upper case.</summary>
/// <param name="Permissions">The permission names.</param>
public sealed record PermissionAccess(ValueList<string> Permissions) : Access;

/// <summary>
/// The cross-tenancy association form: <c>to associate T in LOCATION with T2 in tenancy ALIAS</c>. The statement's
/// own <see cref="EndorseStatement.Location"/>/<see cref="AdmitStatement.Location"/> is the local side.
/// </summary>
/// <param name="ResourceType">The local resource type (lower case).</param>
/// <param name="WithResourceType">The remote resource type (lower case).</param>
/// <param name="WithLocation">The remote side, a <see cref="ForeignTenancyLocation"/>.</param>
public sealed record AssociateAccess(string ResourceType, string WithResourceType, Location WithLocation) : Access;

/// <summary>The four cumulative verbs; the numeric order is the inclusion order inspect ⊂ read ⊂ use ⊂ manage.</summary>
public enum Verb
{
    /// <summary>List and get metadata.</summary>
    Inspect = 1,

    /// <summary>Inspect plus read contents.</summary>
    Read = 2,

    /// <summary>Read plus use and update (not create/delete, mostly).</summary>
    Use = 3,

    /// <summary>Everything, including create and delete.</summary>
    Manage = 4,
}
