using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Diff;

/// <summary>
/// The review of one real <c>pulumi preview --json</c>: each step's operation as the engine decided it (the
/// preview is authoritative about replacements), its changed property paths from <c>detailedDiff</c> (or, when the
/// preview left that empty, from comparing the old and new states, or from <c>diffReasons</c>/<c>replaceReasons</c>),
/// and the rule impact between the state before and after.
/// </summary>
public static class PreviewReview
{
    public const string NoValuesNote = "the preview carries no states for this step: changed keys only";

    /// <summary>The resources as they are before the update (each step's old state).</summary>
    public static ResourceGraph BeforeGraph(PreviewDocument preview)
    {
        var before = new Dictionary<string, ResourceNode>(StringComparer.Ordinal);
        foreach (var step in preview.Steps)
        {
            var node = step.Old ?? (step.Op == StepOp.Same ? step.New : null);
            if (node is not null) before.TryAdd(step.Urn, node);
        }
        var resolved = RegionResolver.Resolve(before.Values.ToList(), preview.ConfigRegion);
        return new ResourceGraph(preview.Stack, preview.Project, GraphOrigin.Preview, resolved, preview.Source);
    }

    /// <summary>The resources as they will be after the update.</summary>
    public static ResourceGraph AfterGraph(PreviewDocument preview) => PreviewLoader.ToGraph(preview);

    /// <param name="options">Labels and the policy verdicts on <see cref="BeforeGraph"/> and <see cref="AfterGraph"/>.</param>
    public static ReviewDiff Build(PreviewDocument preview, DiffOptions? options = null)
    {
        options ??= new DiffOptions(Base: "current state", Head: preview.Source);
        var changes = new Dictionary<string, ResourceChange>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var step in preview.Steps)
        {
            var op = OpOf(step.Op);
            if (op is null)
            {
                if (step.Op == StepOp.Same) unchanged++;
                continue;
            }
            // With --show-replacement-steps one replacement is several steps; keep one entry, the replace wins.
            if (changes.TryGetValue(step.Urn, out var seen) && seen.Op == ChangeOp.Replace) continue;
            changes[step.Urn] = Change(step, op.Value);
        }

        var notes = new List<string>();
        var compared = options.BasePolicy is not null && options.HeadPolicy is not null;
        return new ReviewDiff(preview.Stack, preview.Project, options.Base, options.Head,
            changes.Values.OrderBy(c => c.Urn, StringComparer.Ordinal).ToImmutableArray(), unchanged,
            compared ? RuleImpactAnalysis.Compare(options.BasePolicy!, options.HeadPolicy!) : [], compared, notes.ToImmutableArray());
    }

    private static ChangeOp? OpOf(StepOp op) => op switch
    {
        StepOp.Create or StepOp.Import => ChangeOp.Create,
        StepOp.Update => ChangeOp.Update,
        StepOp.Replace or StepOp.CreateReplacement or StepOp.DeleteReplaced or StepOp.ImportReplacement => ChangeOp.Replace,
        StepOp.Delete => ChangeOp.Delete,
        _ => null, // same, read, refresh, discard: nothing changes in the cloud
    };

    private static ResourceChange Change(PreviewStep step, ChangeOp op)
    {
        var node = step.New ?? step.Old;
        var name = node?.Name ?? UrnParts.TryParse(step.Urn)?.Name ?? step.Urn;
        var isProtected = step.Old?.Protect == true || step.New?.Protect == true;
        var dataBearing = ResourceKinds.IsDataBearing(step.Type);
        var (props, note) = op switch
        {
            ChangeOp.Create when step.New is not null => (DiffEngine.Created(step.New).Properties, null),
            ChangeOp.Delete when step.Old is not null => (DiffEngine.Deleted(step.Old).Properties, null),
            _ => Properties(step),
        };
        return new ResourceChange(op, step.Urn, step.Type, name, isProtected, dataBearing, props, note);
    }

    private static (ImmutableArray<PropertyChange>, string?) Properties(PreviewStep step)
    {
        var replaceKeys = step.ReplaceReasons.ToHashSet(StringComparer.Ordinal);
        var props = new List<PropertyChange>();

        if (step.DetailedDiff is { Count: > 0 } detailed)
        {
            foreach (var (path, diff) in detailed)
            {
                var before = diff.Kind is DiffKind.Add or DiffKind.AddReplace ? null : Lookup(step.Old, path, diff.InputDiff);
                var after = diff.Kind is DiffKind.Delete or DiffKind.DeleteReplace ? null : Lookup(step.New, path, diff.InputDiff);
                props.Add(new PropertyChange(path, before, after, diff.Replaces || replaceKeys.Contains(ReviewPath.TopKey(path))));
            }
            return (props.ToImmutableArray(), step.Old is null && step.New is null ? NoValuesNote : null);
        }

        if (step.Old is not null && step.New is not null)
        {
            PropertyDiff.Compare(step.Old.Inputs, step.New.Inputs, props);
            // A key the engine reports as changed but whose values read equal here is a secret (or an output):
            // show it as changed rather than hide it.
            var covered = props.Select(p => ReviewPath.TopKey(p.Path)).ToHashSet(StringComparer.Ordinal);
            foreach (var key in step.DiffReasons.Concat(step.ReplaceReasons).Distinct().Where(k => !covered.Contains(k)))
                props.Add(new PropertyChange(key, Value(step.Old, key), Value(step.New, key)));
            for (var i = 0; i < props.Count; i++)
                if (replaceKeys.Contains(ReviewPath.TopKey(props[i].Path))) props[i] = props[i] with { ForcesReplacement = true };
            return (props.OrderBy(p => p.Path, StringComparer.Ordinal).ToImmutableArray(), null);
        }

        foreach (var key in step.DiffReasons.Concat(step.ReplaceReasons).Distinct().Order(StringComparer.Ordinal))
            props.Add(new PropertyChange(key, Value(step.Old, key), Value(step.New, key), replaceKeys.Contains(key)));
        return (props.ToImmutableArray(), NoValuesNote);
    }

    private static PropertyValue? Lookup(ResourceNode? state, string path, bool input)
    {
        if (state is null) return null;
        return ReviewPath.Lookup(input ? state.Inputs : state.Outputs, path)
               ?? ReviewPath.Lookup(input ? state.Outputs : state.Inputs, path);
    }

    private static PropertyValue? Value(ResourceNode? state, string key) =>
        state is null ? null : state.Inputs.Fields.GetValueOrDefault(key) ?? state.Outputs.Fields.GetValueOrDefault(key);
}
