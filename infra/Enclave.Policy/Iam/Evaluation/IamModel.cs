namespace Enclave.Policy.Iam;

/// <summary>
/// What the evaluator knows about a tenancy, independent of Pulumi: compartments, policies, groups and dynamic
/// groups. Any id or name may be null, meaning "unknown until deploy" (a preview): the evaluator then answers
/// conservatively instead of guessing.
/// </summary>
/// <param name="Tenancy">The root compartment (its <see cref="CompartmentInfo.ParentKey"/> is ignored).</param>
public sealed record IamModel(CompartmentInfo Tenancy)
{
    /// <summary>Every compartment below the root, in any order.</summary>
    public IReadOnlyList<CompartmentInfo> Compartments { get; init; } = [];

    /// <summary>Every IAM policy.</summary>
    public IReadOnlyList<IamPolicy> Policies { get; init; } = [];

    /// <summary>Known groups, used to translate between names and OCIDs.</summary>
    public IReadOnlyList<IamGroup> Groups { get; init; } = [];

    /// <summary>Known dynamic groups; their matching rules decide which resources are members.</summary>
    public IReadOnlyList<IamDynamicGroup> DynamicGroups { get; init; } = [];
}

/// <summary>
/// A compartment. <see cref="Key"/> identifies it inside the model (a Pulumi URN, or the OCID when known) so that
/// the tree can be built even while ids are unknown.
/// </summary>
/// <param name="Key">Unique within the model; never null.</param>
/// <param name="Id">The OCID, or null when unknown.</param>
/// <param name="Name">The name, or null when unknown.</param>
/// <param name="ParentKey">The parent's key or OCID; null (or one the model lacks) means the position is unknown.</param>
public sealed record CompartmentInfo(string Key, string? Id, string? Name, string? ParentKey);

/// <summary>An IAM policy.</summary>
/// <param name="Name">The policy name, for reports.</param>
/// <param name="CompartmentKey">Key or OCID of the compartment it is attached to; null when unknown.</param>
/// <param name="Statements">
/// The statements; a null entry is a statement unknown until deploy, and a null list means the whole list is
/// unknown. Unknown statements may grant (or deny) anything.
/// </param>
/// <param name="SourceId">Where the policy comes from (e.g. a Pulumi URN), echoed in every finding.</param>
public sealed record IamPolicy(string Name, string? CompartmentKey, IReadOnlyList<string?>? Statements, string? SourceId = null);

/// <summary>A group: a member of the model, or a membership of a <see cref="Principal"/>.</summary>
/// <param name="Name">The name, or null when unknown.</param>
/// <param name="Domain">The identity domain; null means <c>Default</c>.</param>
/// <param name="Id">The OCID, or null when unknown.</param>
public sealed record IamGroup(string? Name, string? Domain = null, string? Id = null);

/// <summary>A dynamic group and its matching rule (same condition language, e.g. <c>ALL {resource.type='fnfunc'}</c>).</summary>
/// <param name="Name">The name, or null when unknown.</param>
/// <param name="MatchingRule">The rule text, or null when unknown.</param>
/// <param name="Domain">The identity domain; null means <c>Default</c>.</param>
/// <param name="Id">The OCID, or null when unknown.</param>
public sealed record IamDynamicGroup(string? Name, string? MatchingRule, string? Domain = null, string? Id = null);
