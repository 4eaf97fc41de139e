using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>
/// ENC-STO-030: every Object Storage namespace the stack names is the tenancy's own, the one its buckets live in.
/// Bucket names are unique only within a namespace, so a connector, lifecycle policy, pre-authenticated request or
/// key backup that keeps the archive bucket's name but names another namespace ships the audit trail (or reads a key)
/// from a bucket of the same name in someone else's tenancy, and every rule that compares bucket names is satisfied.
/// </summary>
public sealed class OwnNamespaceOnly : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-STO-030", "Object Storage names only the tenancy's own namespace", Severity.Critical, Enforcement.Mandatory,
        "A bucket is named by namespace and name: a connector target, lifecycle policy, pre-authenticated request or key backup that names the archive's bucket in another namespace (the parent company's) sends logs to, or takes key material from, another tenancy while every name-based check still matches.",
        "Name the tenancy's own namespace (oci.ObjectStorage.GetNamespace) everywhere a namespace is set; buckets of the stack all live in it.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var buckets = g.OfType(OciTypes.Bucket).ToList();
        // The tenancy's namespace: the one the stack's buckets share (the most common, should one differ).
        var own = buckets.Select(b => b.Input("namespace").AsString()).OfType<string>()
            .GroupBy(n => n, StringComparer.Ordinal).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => n.Key).FirstOrDefault();
        var ownKnown = own is not null && buckets.All(b => b.Input("namespace").IsKnown);
        // The shared walk of every input has noted which resources hold a namespace key at all (a few per workload).
        var inputs = InputStrings.For(context);
        var resources = g.Resources;
        for (var i = 0; i < resources.Length; i++)
        {
            if (!inputs.HasNamespaceKey(i) || Named(resources[i]) is not { } named) continue;
            var node = resources[i];
            var a = new Assessment();
            foreach (var (path, value) in named)
            {
                var outcome = !value.IsKnown ? Truth.Unknown
                    : value.AsString() is not { } text ? Truth.False
                    : own is null ? Truth.Unknown
                    : string.Equals(text, own, StringComparison.Ordinal) ? Truth.True
                    : ownKnown ? Truth.False : Truth.Unknown;
                a.Require(outcome, $"{path} ({value}) is the tenancy's namespace{(own is null ? "" : $" {own}")}",
                    whenViolated: $"{path} names the namespace {value}, not the tenancy's own ({own ?? "unknown"}): another tenancy's Object Storage");
            }
            sink.Judge(node.Urn, node.Label, a);
        }
    }

    /// <summary>The values under <c>namespace</c> keys with their paths; null when there is none (most resources).</summary>
    private static List<(string Path, PropertyValue Value)>? Named(ResourceNode node)
    {
        List<(string, PropertyValue)>? named = null;
        // Most resources name no namespace: a walk that builds no path (and no list) finds that out first.
        foreach (var kv in node.Inputs.Entries)
            if (HoldsNamespaceKey(kv.Key, kv.Value, 0)) Collect(kv.Key, kv.Value, named ??= [], 0);
        return named;
    }

    private static bool IsNamespaceKey(string key) => InputStrings.IsNamespaceKey(key);

    /// <summary>
    /// Would <see cref="Collect"/> find anything under this field? A path ends in <c>.namespace</c> exactly when its
    /// last key is <c>namespace</c> or ends in <c>.namespace</c> (list items end in <c>]</c>), so keys alone decide.
    /// </summary>
    private static bool HoldsNamespaceKey(string? key, PropertyValue value, int depth)
    {
        if (key is not null && IsNamespaceKey(key)) return true;
        if (depth > 32) return false;
        switch (value)
        {
            case MapValue m:
                foreach (var kv in m.Entries)
                    if (HoldsNamespaceKey(kv.Key, kv.Value, depth + 1)) return true;
                return false;
            case ListValue l:
                foreach (var item in l.Items)
                    if (HoldsNamespaceKey(null, item, depth + 1)) return true;
                return false;
            default:
                return false;
        }
    }

    /// <summary>Every value held under a key named <c>namespace</c>, at any depth (a connector's target, a key's backup).</summary>
    private static void Collect(string path, PropertyValue value, List<(string, PropertyValue)> into, int depth)
    {
        if (IsNamespaceKey(path)) { into.Add((path, value)); return; }
        if (depth > 32) return;
        switch (value)
        {
            case MapValue m:
                foreach (var kv in m.Entries) Collect($"{path}.{kv.Key}", kv.Value, into, depth + 1);
                break;
            case ListValue l:
                for (var i = 0; i < l.Items.Length; i++) Collect($"{path}[{i}]", l.Items[i], into, depth + 1);
                break;
        }
    }
}
