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
/// The cross-tenancy association form (VCN peering across tenancies): one side is a resource type in this tenancy,
/// the other a resource type in another (<c>tenancy ALIAS</c> or <c>any-tenancy</c>). The requestor's endorse names
/// its own side first (<c>endorse G to associate local-peering-gateways in compartment C with local-peering-gateways
/// in tenancy Acceptor</c>); the acceptor's admit names the requestor's side first (<c>admit G of tenancy R to
/// associate local-peering-gateways in tenancy R with local-peering-gateways in compartment C</c>). The statement's
/// own <see cref="EndorseStatement.Location"/>/<see cref="AdmitStatement.Location"/> is always the local side.
/// </summary>
/// <param name="ResourceType">The local resource type (lower case).</param>
/// <param name="WithResourceType">The remote resource type (lower case).</param>
/// <param name="WithLocation">The remote side, a <see cref="ForeignTenancyLocation"/> or <see cref="AnyTenancyLocation"/>.</param>
/// <param name="ForeignFirst">True when the text names the remote side first (the acceptor's wording).</param>
public sealed record AssociateAccess(string ResourceType, string WithResourceType, Location WithLocation, bool ForeignFirst = false) : Access;

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
