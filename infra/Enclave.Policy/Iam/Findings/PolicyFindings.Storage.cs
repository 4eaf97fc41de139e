using Enclave.Policy.Graph;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Enclave.Policy.Iam;

/// <summary>Rule R7 / CIS 1.15: who may delete buckets, objects, volumes and file systems.</summary>
public static partial class PolicyFindings
{
    /// <summary>The delete permissions CIS 1.15 guards, per storage resource type or family.</summary>
    public static readonly IReadOnlyDictionary<string, ImmutableArray<string>> StorageDeletePermissions =
        new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["object-family"] = ["OBJECT_DELETE", "BUCKET_DELETE"],
            ["buckets"] = ["BUCKET_DELETE"],
            ["objects"] = ["OBJECT_DELETE"],
            ["volume-family"] = ["VOLUME_DELETE", "VOLUME_BACKUP_DELETE", "BOOT_VOLUME_BACKUP_DELETE"],
            ["volumes"] = ["VOLUME_DELETE"],
            ["volume-backups"] = ["VOLUME_BACKUP_DELETE"],
            ["boot-volume-backups"] = ["BOOT_VOLUME_BACKUP_DELETE"],
            ["file-family"] = ["FILE_SYSTEM_DELETE", "MOUNT_TARGET_DELETE", "EXPORT_SET_DELETE", "FILE_SYSTEM_DELETE_SNAPSHOT"],
            ["file-systems"] = ["FILE_SYSTEM_DELETE", "FILE_SYSTEM_DELETE_SNAPSHOT"],
            ["mount-targets"] = ["MOUNT_TARGET_DELETE"],
            ["export-sets"] = ["EXPORT_SET_DELETE"],
        };

    private const string Permission = "request.permission";

    /// <summary>
    /// Every allow/admit that manages a storage type (or lists a storage delete permission), classified by what
    /// its condition does with the delete permissions: each delete permission is tried as
    /// <c>request.permission</c>, everything else unknown. <c>manage all-resources</c> is left to
    /// <see cref="ManageAllResources"/>.
    /// </summary>
    public static ImmutableArray<StorageDeleteFinding> StorageManagers(IEnumerable<PolicyStatement> statements)
    {
        var found = ImmutableArray.CreateBuilder<StorageDeleteFinding>();
        // The same storage grant recurs in every workload's policy: classify each distinct access and condition once.
        var classified = new Dictionary<(Access, Condition?), (StorageGuard Guard, ImmutableArray<string> MayDelete)>();
        foreach (var s in statements)
        {
            if (Granting(s) is not var (subject, access, condition)) continue;
            var deletes = DeletePermissions(access);
            if (deletes.IsEmpty) continue;
            ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(classified, (access, condition), out var seen);
            if (!seen) known = Classify(access, condition, deletes);
            found.Add(new StorageDeleteFinding(s, subject, known.Guard, known.MayDelete));
        }
        return found.ToImmutable();
    }

    /// <summary>The storage delete permissions an access may include (none for anything but storage manage grants and permission lists).</summary>
    private static ImmutableArray<string> DeletePermissions(Access access) => access switch
    {
        VerbAccess { Verb: Verb.Manage } v when StorageDeletePermissions.TryGetValue(ResourceFamilies.Canonical(v.ResourceType), out var p) => p,
        PermissionAccess p => [.. p.Permissions.Where(n => StorageDeletePermissions.Values.Any(d => d.Contains(n)))],
        _ => [],
    };

    /// <summary>
    /// What the condition does with the delete permissions: each is tried as <c>request.permission</c>, everything
    /// else unknown.
    /// </summary>
    private static (StorageGuard, ImmutableArray<string>) Classify(Access access, Condition? condition, ImmutableArray<string> deletes)
    {
        var mayDelete = condition is null
            ? deletes
            : [.. deletes.Where(d => ConditionEvaluator.Evaluate(condition, v => Only(v, Permission, d)).Possible())];
        var guard = mayDelete.IsEmpty ? StorageGuard.Guarded
            : access is PermissionAccess p && p.Permissions.All(n => mayDelete.Contains(n)) ? StorageGuard.DeleteOnly
            : condition is not null && OnlyDeletes(condition) ? StorageGuard.DeleteOnly
            : StorageGuard.Unguarded;
        return (guard, mayDelete);
    }

    /// <summary>
    /// Does the condition rule out every non-delete permission? Tried on a fresh permission name, on every
    /// non-delete permission the condition names, and on a sample of every pattern it uses.
    /// </summary>
    private static bool OnlyDeletes(Condition condition)
    {
        var candidates = new List<string> { "ENCLAVE_SAMPLE_PERMISSION" };
        Collect(condition, candidates);
        return candidates
            .Where(c => !c.EndsWith("_DELETE", StringComparison.OrdinalIgnoreCase) && !c.Contains("_DELETE_", StringComparison.OrdinalIgnoreCase))
            .All(c => ConditionEvaluator.Evaluate(condition, v => Only(v, Permission, c)) == Truth.False);
    }

    private static void Collect(Condition condition, List<string> candidates)
    {
        switch (condition)
        {
            case ConditionGroup g:
                foreach (var item in g.Items) Collect(item, candidates);
                break;
            case ConditionClause c when c.Variable.Equals(Permission, StringComparison.OrdinalIgnoreCase):
                candidates.AddRange(c.Values.Select(v => v.Kind == ConditionValueKind.Pattern ? v.Text.Replace("*", "SAMPLE") : v.Text));
                break;
        }
    }
}
