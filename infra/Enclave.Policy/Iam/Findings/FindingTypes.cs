using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>An allow (or admit) statement that may grant rights on IAM objects (rule R5, CIS 1.1–1.3).</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Subject">To whom (check it is the gatekeeper group).</param>
/// <param name="Types">The IAM types it may cover (<see cref="PolicyFindings.IamTypes"/>).</param>
/// <param name="Conditional">True when a where clause narrows it.</param>
public sealed record IamGrant(PolicyStatement Statement, Subject Subject, ImmutableArray<string> Types, bool Conditional);

/// <summary>A storage <c>manage</c> statement and whether it can delete (rule R7, CIS 1.15).</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Subject">To whom.</param>
/// <param name="Guard">How its condition treats the delete permissions.</param>
/// <param name="MayDelete">Delete permissions its condition does not rule out.</param>
public sealed record StorageDeleteFinding(PolicyStatement Statement, Subject Subject, StorageGuard Guard, ImmutableArray<string> MayDelete);

/// <summary>How a storage <c>manage</c> statement treats delete permissions.</summary>
public enum StorageGuard
{
    /// <summary>Every delete permission is excluded by <c>request.permission != '…_DELETE'</c> conditions.</summary>
    Guarded,

    /// <summary>It grants only delete permissions: the storage-admin pattern (<c>request.permission = '…_DELETE'</c>).</summary>
    DeleteOnly,

    /// <summary>It may grant delete along with everything else: a CIS 1.15 failure unless waived.</summary>
    Unguarded,
}

/// <summary>An identity named in a statement (rule R4: no parent-company name or OCID may appear).</summary>
/// <param name="Statement">Where.</param>
/// <param name="Kind">What sort of name.</param>
/// <param name="Value">The name or OCID as written (for <see cref="IdentityMentionKind.Unparsed"/>, the raw text).</param>
/// <param name="Qualifier">The domain of a group name, the variable of a condition value, or the alias of a define.</param>
public sealed record IdentityMention(PolicyStatement Statement, IdentityMentionKind Kind, string Value, string? Qualifier = null);

/// <summary>The sorts of <see cref="IdentityMention"/>.</summary>
public enum IdentityMentionKind
{
    /// <summary>A group name (qualifier: its domain as written).</summary>
    GroupName,

    /// <summary>A group OCID.</summary>
    GroupId,

    /// <summary>A dynamic-group name (qualifier: its domain as written).</summary>
    DynamicGroupName,

    /// <summary>A dynamic-group OCID.</summary>
    DynamicGroupId,

    /// <summary>An identity domain.</summary>
    Domain,

    /// <summary>A service name.</summary>
    Service,

    /// <summary>A tenancy alias (admit, endorse).</summary>
    TenancyAlias,

    /// <summary>The OCID of a <c>define</c> (qualifier: the alias).</summary>
    DefinedOcid,

    /// <summary>A compartment OCID of a location.</summary>
    CompartmentId,

    /// <summary>A condition operand (qualifier: the variable), e.g. a user or group OCID.</summary>
    ConditionValue,

    /// <summary>The raw text of a statement that did not parse; search it for names.</summary>
    Unparsed,
}
