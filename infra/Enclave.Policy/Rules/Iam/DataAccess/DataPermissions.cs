using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>
/// Which permission belongs to which data-bearing type, at which verb. Object Storage follows Oracle's "Details
/// for Object Storage" tables (object-family: inspect, read, use and manage permissions); the others follow the
/// services' policy reference pages. A permission this table does not list but whose prefix is a data service's
/// (<c>OBJECT_</c>, <c>KEY_</c>, <c>AUTONOMOUS_</c>, …) counts as <c>manage</c> on that service's types: what the
/// gate cannot place is assumed to be the most it could be.
/// </summary>
public static class DataPermissions
{
    private static readonly Dictionary<string, (string Type, Verb Verb)> Table = Build(
        ("buckets", Verb.Inspect, ["BUCKET_INSPECT"]),
        ("buckets", Verb.Read, ["BUCKET_READ"]),
        ("buckets", Verb.Use, ["BUCKET_UPDATE"]),
        ("buckets", Verb.Manage, ["BUCKET_CREATE", "BUCKET_DELETE", "PAR_MANAGE", "RETENTION_RULE_MANAGE", "RETENTION_RULE_LOCK"]),
        ("objects", Verb.Inspect, ["OBJECT_INSPECT"]),
        ("objects", Verb.Read, ["OBJECT_READ"]),
        ("objects", Verb.Use, ["OBJECT_OVERWRITE"]),
        ("objects", Verb.Manage, ["OBJECT_CREATE", "OBJECT_DELETE", "OBJECT_RESTORE", "OBJECT_UPDATE_TIER", "OBJECT_VERSION_DELETE"]),
        ("autonomous-databases", Verb.Inspect, ["AUTONOMOUS_DATABASE_INSPECT"]),
        ("autonomous-databases", Verb.Read, ["AUTONOMOUS_DATABASE_CONTENT_READ"]),
        ("autonomous-databases", Verb.Use, ["AUTONOMOUS_DATABASE_CONTENT_WRITE", "AUTONOMOUS_DATABASE_UPDATE"]),
        ("autonomous-databases", Verb.Manage, ["AUTONOMOUS_DATABASE_CREATE", "AUTONOMOUS_DATABASE_DELETE"]),
        ("autonomous-backups", Verb.Inspect, ["AUTONOMOUS_DB_BACKUP_INSPECT"]),
        ("autonomous-backups", Verb.Read, ["AUTONOMOUS_DB_BACKUP_CONTENT_READ"]),
        ("autonomous-backups", Verb.Manage, ["AUTONOMOUS_DB_BACKUP_CREATE", "AUTONOMOUS_DB_BACKUP_DELETE"]),
        ("autonomous-container-databases", Verb.Inspect, ["AUTONOMOUS_CONTAINER_DATABASE_INSPECT"]),
        ("autonomous-container-databases", Verb.Read, ["AUTONOMOUS_CONTAINER_DATABASE_READ"]),
        ("autonomous-container-databases", Verb.Use, ["AUTONOMOUS_CONTAINER_DATABASE_UPDATE"]),
        ("autonomous-container-databases", Verb.Manage, ["AUTONOMOUS_CONTAINER_DATABASE_CREATE", "AUTONOMOUS_CONTAINER_DATABASE_DELETE"]),
        ("vaults", Verb.Inspect, ["VAULT_INSPECT"]),
        ("vaults", Verb.Read, ["VAULT_READ"]),
        ("vaults", Verb.Use, ["VAULT_CREATE_KEY", "VAULT_IMPORT_KEY", "VAULT_CREATE_SECRET"]),
        ("vaults", Verb.Manage, ["VAULT_CREATE", "VAULT_UPDATE", "VAULT_DELETE", "VAULT_MOVE", "VAULT_BACKUP", "VAULT_RESTORE"]),
        ("keys", Verb.Inspect, ["KEY_INSPECT"]),
        ("keys", Verb.Read, ["KEY_READ"]),
        ("keys", Verb.Use, ["KEY_ENCRYPT", "KEY_DECRYPT", "KEY_UPDATE"]),
        ("keys", Verb.Manage, ["KEY_CREATE", "KEY_DELETE", "KEY_MOVE", "KEY_IMPORT", "KEY_BACKUP", "KEY_RESTORE", "KEY_ROTATE"]),
        ("key-delegate", Verb.Use, ["KEY_ASSOCIATE", "KEY_DISASSOCIATE"]),
        ("secrets", Verb.Inspect, ["SECRET_INSPECT"]),
        ("secrets", Verb.Read, ["SECRET_READ"]),
        ("secrets", Verb.Use, ["SECRET_UPDATE"]),
        ("secrets", Verb.Manage, ["SECRET_CREATE", "SECRET_DELETE", "SECRET_MOVE"]),
        ("secret-bundles", Verb.Read, ["SECRET_BUNDLE_READ"]),
        ("log-groups", Verb.Inspect, ["LOG_GROUP_INSPECT"]),
        ("log-groups", Verb.Read, ["LOG_GROUP_READ"]),
        ("log-groups", Verb.Use, ["LOG_GROUP_UPDATE"]),
        ("log-groups", Verb.Manage, ["LOG_GROUP_CREATE", "LOG_GROUP_DELETE", "LOG_GROUP_MOVE"]),
        ("log-content", Verb.Read, ["LOG_CONTENT_READ"]));

    /// <summary>Unknown permissions by prefix: the types of the service the prefix belongs to.</summary>
    private static readonly (string Prefix, string[] Types)[] Prefixes =
    [
        ("OBJECT_", ["objects"]), ("BUCKET_", ["buckets"]), ("PAR_", ["buckets"]), ("RETENTION_", ["buckets"]),
        ("AUTONOMOUS_DB_BACKUP", ["autonomous-backups"]), ("AUTONOMOUS_CONTAINER", ["autonomous-container-databases"]),
        ("AUTONOMOUS_", ["autonomous-databases"]), ("VAULT_", ["vaults"]), ("KEY_", ["keys", "key-delegate"]),
        ("SECRET_BUNDLE", ["secret-bundles"]), ("SECRET_", ["secrets"]), ("LOG_GROUP", ["log-groups"]),
        ("LOG_CONTENT", ["log-content"]),
    ];

    private static Dictionary<string, (string, Verb)> Build(params (string Type, Verb Verb, string[] Permissions)[] rows)
    {
        var table = new Dictionary<string, (string, Verb)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, verb, permissions) in rows)
            foreach (var p in permissions) table[p] = (type, verb);
        return table;
    }

    /// <summary>The verb at which <paramref name="permission"/> acts on <paramref name="type"/>, or null when it does not.</summary>
    public static Verb? VerbOn(string permission, string type)
    {
        if (Table.TryGetValue(permission, out var known)) return known.Type == type ? known.Verb : null;
        foreach (var (prefix, types) in Prefixes)
            if (permission.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return types.Contains(type) ? Verb.Manage : null;
        return null;
    }

    /// <summary>The permissions this table lists for <paramref name="type"/> above <paramref name="verb"/>.</summary>
    public static IEnumerable<string> Above(string type, Verb verb)
    {
        foreach (var (permission, (t, v)) in Table)
            if (t == type && v > verb) yield return permission;
    }

    /// <summary>The permissions this table lists for <paramref name="type"/> at or below <paramref name="verb"/>.</summary>
    public static bool Within(string permission, string type, Verb verb) => VerbOn(permission, type) is { } v && v <= verb;
}
