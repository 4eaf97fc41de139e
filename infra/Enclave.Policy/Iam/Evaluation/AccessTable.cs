using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>
/// Everyone who may do a verb on a resource type in a compartment, and through which statement: one row of the
/// "firewall as a table" that <c>enclave access</c> prints for each data-bearing resource.
/// </summary>
/// <param name="Verb">The verb asked about.</param>
/// <param name="ResourceType">The resource type asked about.</param>
/// <param name="Compartment">The compartment key or OCID asked about.</param>
/// <param name="Grants">Subjects of allow/admit statements that may grant.</param>
/// <param name="Denies">Subjects of deny statements that may take access away.</param>
public sealed record AccessTable(
    Verb Verb, string ResourceType, string? Compartment, ImmutableArray<AccessEntry> Grants, ImmutableArray<AccessEntry> Denies);

/// <summary>One subject of one statement.</summary>
/// <param name="Subject">Who.</param>
/// <param name="Match">Through which statement, and how certainly.</param>
public sealed record AccessEntry(AccessSubject Subject, StatementMatch Match);

/// <summary>A subject as named by a statement, for display and for rules that check names.</summary>
/// <param name="Kind">What sort of subject.</param>
/// <param name="Name">Group, dynamic-group or service name, or an admit alias.</param>
/// <param name="Domain">The identity domain as written (null: Default).</param>
/// <param name="Id">The OCID, as written or as a <c>define</c> resolves an admit alias.</param>
/// <param name="TenancyAlias">For admitted subjects, the tenancy alias.</param>
/// <param name="TenancyId">For admitted subjects, the tenancy OCID its <c>define</c> gives.</param>
public sealed record AccessSubject(
    AccessSubjectKind Kind, string? Name = null, string? Domain = null, string? Id = null,
    string? TenancyAlias = null, string? TenancyId = null)
{
    /// <summary>A one-line description such as <c>group Default/db-admins</c> or <c>foreign group X of tenancy Parent</c>.</summary>
    public string Display
    {
        get
        {
            var who = Id is not null && Name is null ? $"id {Id}"
                : Name is null ? ""
                : Domain is null ? Name : $"{Domain}/{Name}";
            var kind = Kind switch
            {
                AccessSubjectKind.Group => "group",
                AccessSubjectKind.DynamicGroup => "dynamic-group",
                AccessSubjectKind.AnyUser => "any-user",
                AccessSubjectKind.AnyGroup => "any-group",
                AccessSubjectKind.Service => "service",
                AccessSubjectKind.ForeignGroup => "foreign group",
                AccessSubjectKind.ForeignDynamicGroup => "foreign dynamic-group",
                AccessSubjectKind.ForeignAnyUser => "any foreign user",
                AccessSubjectKind.ForeignAnyGroup => "any foreign group",
                AccessSubjectKind.ForeignService => "foreign service",
                _ => "anyone (statement unknown or unreadable)",
            };
            var text = who.Length == 0 ? kind : $"{kind} {who}";
            return TenancyAlias is null ? text : $"{text} of tenancy {TenancyAlias}{(TenancyId is null ? "" : $" ({TenancyId})")}";
        }
    }
}

/// <summary>The sorts of <see cref="AccessSubject"/>.</summary>
public enum AccessSubjectKind
{
    /// <summary>A group of this tenancy.</summary>
    Group,

    /// <summary>A dynamic group of this tenancy.</summary>
    DynamicGroup,

    /// <summary><c>any-user</c>: includes services and foreign principals.</summary>
    AnyUser,

    /// <summary><c>any-group</c>.</summary>
    AnyGroup,

    /// <summary>A service principal.</summary>
    Service,

    /// <summary>An admitted foreign group.</summary>
    ForeignGroup,

    /// <summary>An admitted foreign dynamic group.</summary>
    ForeignDynamicGroup,

    /// <summary><c>admit any-user</c>.</summary>
    ForeignAnyUser,

    /// <summary><c>admit any-group</c>.</summary>
    ForeignAnyGroup,

    /// <summary>An admitted foreign service.</summary>
    ForeignService,

    /// <summary>An unknown or unparsable statement: could be anyone.</summary>
    Unknown,
}
