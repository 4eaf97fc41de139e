using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Reads <c>pulumi preview --json</c> (PreviewDigest) or an engine event log of a preview or update. The "after" graph
/// takes each surviving step's new state. A step that must carry one and does not (trimmed output) is refused by the
/// reader; only a refresh may lack it, and then its old inputs are kept with the changed keys marked unknown, so rules
/// answer "undetermined" instead of judging stale values.
/// </summary>
public static class PreviewLoader
{
    public static PreviewDocument Load(string path, LoadLimits? limits = null) =>
        ArtifactLoader.LoadArtifact(path, ArtifactKind.Preview, limits).Preview!;

    public static PreviewDocument Parse(ReadOnlyMemory<byte> json, string source, LoadLimits? limits = null) =>
        ArtifactLoader.Parse(json, source, ArtifactKind.Preview, limits).Preview!;

    /// <summary>The resources as they will be after the update.</summary>
    public static ResourceGraph ToGraph(PreviewDocument preview)
    {
        var after = new Dictionary<string, ResourceNode>(StringComparer.Ordinal);
        foreach (var step in preview.Steps.Where(s => s.ExistsAfter))
        {
            // The parts of one replacement agree on the new state (the reader checks it); a trimmed part does not replace it.
            if (step.New is null && after.ContainsKey(step.Urn)) continue;
            var node = step.New ?? Reconstruct(step);
            if (node is not null) after[step.Urn] = node;
        }
        var resolved = RegionResolver.Resolve(after.Values.ToList(), preview.ConfigRegion);
        return new ResourceGraph(preview.Stack, preview.Project, GraphOrigin.Preview, resolved, preview.Source) { Unjudged = LeftInCloud(preview, after), Removed = Removed(preview), Prior = Prior(preview) };
    }

    /// <summary>The old state of every resource updated in place, when the step carries both states.</summary>
    private static ImmutableDictionary<string, ResourceNode> Prior(PreviewDocument preview)
    {
        var prior = ImmutableDictionary.CreateBuilder<string, ResourceNode>(StringComparer.Ordinal);
        foreach (var step in preview.Steps)
            if (step is { Op: StepOp.Update, Old: { } old, New: not null }) prior[step.Urn] = old;
        return prior.ToImmutable();
    }

    /// <summary>
    /// Resources that exist in the cloud after the update but outside the graph (ENC-GOV-031): a read (an external
    /// resource the program looks up) and a discard (a resource the update forgets but leaves running, retainOnDelete).
    /// </summary>
    private static ImmutableArray<UnjudgedResource> LeftInCloud(PreviewDocument preview, Dictionary<string, ResourceNode> after)
    {
        var left = ImmutableArray.CreateBuilder<UnjudgedResource>();
        foreach (var step in preview.Steps)
        {
            if (after.ContainsKey(step.Urn)) continue;
            var why = step.Op switch
            {
                StepOp.Read or StepOp.ReadReplacement => $"read, not managed (step \"{step.OpName}\"): it exists in the cloud, outside the judged graph",
                StepOp.Discard or StepOp.DiscardReplaced => $"left running but dropped from the stack (step \"{step.OpName}\", retainOnDelete): it still exists in the cloud, outside the judged graph",
                _ => null,
            };
            if (why is not null && !step.Type.StartsWith("pulumi:", StringComparison.Ordinal)) left.Add(new UnjudgedResource(step.Urn, step.Type, why));
        }
        return left.ToImmutable();
    }

    /// <summary>Resources the update deletes or replaces, once each (a replacement has up to three steps).</summary>
    private static ImmutableArray<RemovedResource> Removed(PreviewDocument preview)
    {
        var removed = ImmutableArray.CreateBuilder<RemovedResource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in preview.Steps)
            if (step.Op is StepOp.Delete or StepOp.Replace or StepOp.CreateReplacement or StepOp.DeleteReplaced && seen.Add(step.Urn))
                removed.Add(new RemovedResource(step.Urn, step.Type, step.OpName));
        return removed.ToImmutable();
    }

    /// <summary>A surviving step without new state: old inputs, with every changed key unknown.</summary>
    private static ResourceNode? Reconstruct(PreviewStep step)
    {
        var parts = UrnParts.TryParse(step.Urn)!.Value;
        var old = step.Old ?? ResourceNode.Create(step.Urn, step.Type, parts.Name) with { Provider = step.Provider };
        var changed = step.DiffReasons.Concat(step.ReplaceReasons).ToHashSet(StringComparer.Ordinal);
        var inputs = old.Inputs.Fields.ToBuilder();
        foreach (var key in changed) inputs[key] = PropertyValue.Unknown;
        var id = step.Op is StepOp.Same or StepOp.Update or StepOp.Refresh ? old.Id : PropertyValue.Unknown;
        if (step.Old is null && step.Op is not StepOp.Same)
        {
            // Nothing is known about this resource's inputs: every rule reading it must be undetermined.
            return old with { Id = PropertyValue.Unknown, Inputs = new MapValue(inputs.ToImmutable()), Outputs = MapValue.Empty, InputsUnknown = true };
        }
        return old with { Id = id, Inputs = new MapValue(inputs.ToImmutable()), Outputs = MapValue.Empty };
    }
}
