using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Diff;

/// <summary>
/// The semantic diff of two resource graphs: resources matched by URN (<see cref="UrnKey"/>), each classified as
/// create, update, replace or delete with the property paths that changed; plus the rules the change newly breaks
/// or fixes when both sides carry a policy verdict. Linear in the number of resources and their property sizes.
/// Values are compared as reviewers read them (<see cref="Values.ValueOrigins"/>): an input pointing at another
/// resource is compared as that reference, so two plans whose stand-in ids differ (another revision's plan, or two
/// deployments) only differ where a reference points elsewhere.
/// </summary>
public static class DiffEngine
{
    /// <summary>Pseudo-paths for resource options that are not inputs.</summary>
    public const string ProtectPath = "(protect)";
    public const string RegionPath = "(region)";

    public static ReviewDiff Compare(ResourceGraph before, ResourceGraph after, DiffOptions? options = null)
    {
        options ??= new DiffOptions();
        var baseByKey = new Dictionary<string, ResourceNode>(before.Resources.Length, StringComparer.Ordinal);
        // Each base key made once (a substring per resource), for the lookup here and the deleted ones below.
        var baseKeys = new string[before.Resources.Length];
        for (var i = 0; i < baseKeys.Length; i++) baseByKey.TryAdd(baseKeys[i] = UrnKey.Of(before.Resources[i].Urn), before.Resources[i]);

        var baseOrigins = Values.ValueOrigins.For(before);
        var headOrigins = Values.ValueOrigins.For(after);
        var changes = new List<ResourceChange>();
        var unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var head in after.Resources)
        {
            var key = UrnKey.Of(head.Urn);
            if (!seen.Add(key)) continue;
            if (!baseByKey.TryGetValue(key, out var old)) { changes.Add(Created(head, headOrigins)); continue; }
            var change = Changed(old, head, baseOrigins, headOrigins);
            if (change is null) unchanged++; else changes.Add(change);
        }
        for (var i = 0; i < baseKeys.Length; i++)
            if (seen.Add(baseKeys[i])) changes.Add(Deleted(before.Resources[i], baseOrigins));

        changes.Sort((a, b) => string.CompareOrdinal(a.Urn, b.Urn));

        var notes = new List<string>();
        if (before.Stack != after.Stack || before.Project != after.Project)
            notes.Add($"base is stack {before.Project}/{before.Stack} and head is {after.Project}/{after.Stack}: resources are matched by type and name.");
        var compared = options.BasePolicy is not null && options.HeadPolicy is not null;
        var impacts = compared ? RuleImpactAnalysis.Compare(options.BasePolicy!, options.HeadPolicy!) : ImmutableArray<RuleImpact>.Empty;
        return new ReviewDiff(after.Stack, after.Project, options.Base, options.Head, changes.ToImmutableArray(), unchanged,
            impacts, compared, notes.ToImmutableArray());
    }

    /// <summary>A change for a resource present on both sides, or null when nothing differs.</summary>
    /// <param name="baseOrigins">How the base's values read (null: as they are).</param>
    /// <param name="headOrigins">How the head's values read (null: as they are).</param>
    public static ResourceChange? Changed(ResourceNode old, ResourceNode head, Values.ValueOrigins? baseOrigins = null,
        Values.ValueOrigins? headOrigins = null)
    {
        var props = new List<PropertyChange>();
        // The very same map on both sides (a head read alongside its base shares what did not change) still reads
        // through each side's origins: an id whose owner changed shows the change.
        if (!ReferenceEquals(old.Inputs, head.Inputs) || !ReferenceEquals(baseOrigins, headOrigins))
            PropertyDiff.Compare(baseOrigins?.DisplayInputs(old) ?? old.Inputs, headOrigins?.DisplayInputs(head) ?? head.Inputs, props, head.Type);
        if (old.Protect != head.Protect)
            props.Add(new PropertyChange(ProtectPath, PropertyValue.Of(old.Protect), PropertyValue.Of(head.Protect)));
        // Moving to another region re-creates the resource there.
        if (old.Region is not null && head.Region is not null && old.Region != head.Region)
            props.Add(new PropertyChange(RegionPath, PropertyValue.Of(old.Region), PropertyValue.Of(head.Region), ForcesReplacement: true));
        if (props.Count == 0) return null;

        var replace = false;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            if (p.ForcesReplacement || (p.Path != ProtectPath && ResourceKinds.ForcesReplacement(head.Type, Values.ReviewPath.TopKey(p.Path))))
            {
                props[i] = p with { ForcesReplacement = true };
                replace = true;
            }
        }
        return new ResourceChange(replace ? ChangeOp.Replace : ChangeOp.Update, head.Urn, head.Type, head.Name,
            old.Protect || head.Protect, ResourceKinds.IsDataBearing(head.Type), props.ToImmutableArray());
    }

    public static ResourceChange Created(ResourceNode head, Values.ValueOrigins? origins = null)
    {
        var props = new List<PropertyChange>();
        foreach (var (k, v) in (origins?.DisplayInputs(head) ?? head.Inputs).Entries)
            PropertyDiff.Flatten(Values.ReviewPath.Key("", k), v, removed: false, props);
        return new ResourceChange(ChangeOp.Create, head.Urn, head.Type, head.Name, head.Protect, ResourceKinds.IsDataBearing(head.Type),
            props.ToImmutableArray());
    }

    /// <summary>A delete lists the resource's key inputs as removed, so a reviewer sees which database or bucket goes.</summary>
    public static ResourceChange Deleted(ResourceNode old, Values.ValueOrigins? origins = null) =>
        new(ChangeOp.Delete, old.Urn, old.Type, old.Name, old.Protect, ResourceKinds.IsDataBearing(old.Type),
            Plan.KeyInputs.Of(old).Select(k => new PropertyChange(k.Key, origins?.Display(old, k.Key, k.Value) ?? k.Value, null)).ToImmutableArray());
}
