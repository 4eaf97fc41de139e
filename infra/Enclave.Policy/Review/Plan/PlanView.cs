using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Plan;

/// <summary>One resource of a plan rendering: its operation and the property lines shown under it.</summary>
/// <param name="Op">Create, update, replace or delete; null for an unchanged resource shown as context (a parent).</param>
/// <param name="Properties">Created resources: their key inputs as added; updates: what changed; deletes: key inputs as removed.</param>
/// <param name="Depth">Nesting in the component tree (the stack is 0).</param>
/// <param name="Flags">"protected", "region=…" (a region other than the stack's).</param>
public sealed record PlanStep(ResourceNode Node, ChangeOp? Op, ImmutableArray<PropertyChange> Properties, int Depth,
    ImmutableArray<string> Flags);

/// <summary>
/// What a plan rendering shows, in tree order, as <c>pulumi preview --diff</c> would: without a base, every resource
/// is created with its key inputs; against a base (a committed plan, an earlier revision), each resource carries the
/// operation the diff engine decided (deleted ones at their old place in the tree), unchanged resources are left
/// out except as the parents of changed ones, and the counts say how many stay unchanged.
/// </summary>
public sealed record PlanView(PlanDocument Plan, ImmutableArray<PlanStep> Steps, ReviewDiff? Against, ReferenceStyle Style)
{
    public int Count(ChangeOp op) => Against?.Count(op) ?? (op == ChangeOp.Create ? Plan.Resources.Length : 0);

    public int Unchanged => Against?.Unchanged ?? 0;

    /// <param name="basis">The base graph <paramref name="against"/> was computed from (for the resources it deletes).</param>
    public static PlanView Build(PlanDocument plan, ReviewDiff? against = null, ResourceGraph? basis = null, bool refTypes = false)
    {
        var head = plan.ToGraph();
        var origins = ValueOrigins.For(head);
        var changes = against?.Changes.ToDictionary(c => UrnKey.Of(c.Urn), StringComparer.Ordinal);
        var deleted = changes is null || basis is null ? []
            : basis.Resources.Where(r => changes.GetValueOrDefault(UrnKey.Of(r.Urn))?.Op == ChangeOp.Delete).ToList();
        var all = plan.Resources.Concat(deleted).ToList();
        var style = ReferenceStyle.For(all, refTypes);
        var usualRegion = PlanFacts.UsualRegion(plan.Resources);

        // Against a base, only changed resources and their ancestors are shown.
        HashSet<string>? shown = null;
        if (changes is not null)
        {
            var byUrn = all.GroupBy(r => r.Urn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            shown = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in all.Where(r => changes.ContainsKey(UrnKey.Of(r.Urn))))
                for (var at = r; at is not null && shown.Add(at.Urn); at = at.Parent is null ? null : byUrn.GetValueOrDefault(at.Parent)) { }
        }

        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        foreach (var (node, last) in new PlanTree(all).Walk())
        {
            if (shown is not null && !shown.Contains(node.Urn)) continue;
            var change = changes?.GetValueOrDefault(UrnKey.Of(node.Urn));
            var flags = PlanFacts.Flags(node, usualRegion).ToImmutableArray();
            if (changes is null)
                steps.Add(new PlanStep(node, ChangeOp.Create, Inputs(node, origins, added: true), last.Count - 1, flags));
            else if (change?.Op == ChangeOp.Create)
                steps.Add(new PlanStep(node, ChangeOp.Create, Inputs(node, origins, added: true), last.Count - 1, flags));
            else
                steps.Add(new PlanStep(node, change?.Op, change?.Properties ?? [], last.Count - 1, flags));
        }
        return new PlanView(plan, steps.ToImmutable(), against, style);
    }

    private static ImmutableArray<PropertyChange> Inputs(ResourceNode node, ValueOrigins origins, bool added) =>
        [.. KeyInputs.Of(node).Select(i =>
        {
            var shown = KeyInputs.Readable(node, i.Key, origins.Display(node, i.Key, i.Value));
            return added ? new PropertyChange(i.Key, null, shown) : new PropertyChange(i.Key, shown, null);
        })];

    /// <summary>The steps of <paramref name="kind"/> (ancestors shown as context have none).</summary>
    public IEnumerable<PlanStep> Of(ChangeOp kind) => Steps.Where(s => s.Op == kind);
}
