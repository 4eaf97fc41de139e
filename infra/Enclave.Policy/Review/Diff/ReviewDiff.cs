using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Plan;

namespace Enclave.Policy.Review.Diff;

/// <summary>What a change does to a resource, in the order reviewers rank them (most destructive first).</summary>
public enum ChangeOp { Delete, Replace, Update, Create }

/// <summary>
/// One changed property. <see cref="Before"/> is null when the property is added, <see cref="After"/> when it is
/// removed. Values are the graph's own (secrets are <see cref="SecretValue"/>, never plaintext).
/// Both are null when the source named the property as changed without giving values (a trimmed preview step).
/// </summary>
public sealed record PropertyChange(string Path, PropertyValue? Before, PropertyValue? After, bool ForcesReplacement = false)
{
    public bool HasValues => Before is not null || After is not null;

    /// <summary>What changed when no value says it (e.g. a list's items reordered); shown instead of values.</summary>
    public string? Note { get; init; }
}

/// <summary>A resource that is created, updated, replaced or deleted, with its changed properties.</summary>
/// <param name="Urn">The head URN (the base URN for a delete).</param>
/// <param name="Protected">The resource is (or was) protected: the engine will refuse a delete or replace.</param>
/// <param name="DataBearing">Databases, vaults, keys, secrets, buckets, log groups and logs: losing one loses data.</param>
/// <param name="Note">Why the property list is incomplete, when it is (e.g. a preview step without states).</param>
public sealed record ResourceChange(
    ChangeOp Op,
    string Urn,
    string Type,
    string Name,
    bool Protected,
    bool DataBearing,
    ImmutableArray<PropertyChange> Properties,
    string? Note = null)
{
    /// <summary>Deletes and replacements of protected or data-bearing resources: the first thing a reviewer sees.</summary>
    public bool IsDestructive => Op is ChangeOp.Delete or ChangeOp.Replace && (Protected || DataBearing);

    public string Label => $"{Type}::{Name}";
}

public enum ImpactKind
{
    /// <summary>Failing in head, not failing (passing, undetermined or absent) in base.</summary>
    NewlyFailing,
    /// <summary>Failing in base, undetermined in head: no longer provably failing, not yet provably fixed.</summary>
    NowUndetermined,
    /// <summary>Failing in base, passing or gone in head.</summary>
    NewlyPassing,
}

/// <summary>A rule whose verdict on a resource changed between base and head.</summary>
/// <param name="Messages">The findings' messages (head's when failing, base's when fixed).</param>
public sealed record RuleImpact(
    ImpactKind Kind,
    string RuleId,
    string Title,
    Rules.Severity Severity,
    Rules.Enforcement Enforcement,
    string Urn,
    ImmutableArray<string> Messages);

/// <summary>The semantic difference between two states of a stack, with the rules it newly breaks or fixes.</summary>
/// <param name="Base">Where the base came from (a file, a git revision), for the report header.</param>
/// <param name="Head">Where the head came from.</param>
/// <param name="Changes">Changed resources, sorted by URN (renderers order them for review with <see cref="ReviewLayout"/>).</param>
/// <param name="Unchanged">Resources present and equal on both sides.</param>
/// <param name="PolicyCompared">False when no policy verdict was available for one side, so no impact could be computed.</param>
/// <param name="Notes">Caveats the report must show (e.g. base and head are different stacks).</param>
public sealed record ReviewDiff(
    string Stack,
    string Project,
    string Base,
    string Head,
    ImmutableArray<ResourceChange> Changes,
    int Unchanged,
    ImmutableArray<RuleImpact> Impacts,
    bool PolicyCompared,
    ImmutableArray<string> Notes)
{
    public bool HasChanges => Changes.Length > 0;

    public int Count(ChangeOp op) => Changes.Count(c => c.Op == op);

    public int Count(ImpactKind kind) => Impacts.Count(i => i.Kind == kind);
}

/// <summary>Inputs of a diff besides the two graphs.</summary>
/// <param name="BasePolicy">The policy verdict on the base graph (null: rule impact not computed).</param>
/// <param name="HeadPolicy">The policy verdict on the head graph.</param>
public sealed record DiffOptions(
    string Base = "base",
    string Head = "head",
    PolicySummary? BasePolicy = null,
    PolicySummary? HeadPolicy = null);
