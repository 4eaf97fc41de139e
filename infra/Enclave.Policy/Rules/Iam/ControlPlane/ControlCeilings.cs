using System.Collections.Frozen;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam.ControlPlane;

/// <summary>
/// What each persona may change in the enclave (verbs above read, on any resource type), declared here and nowhere
/// else: the control-plane counterpart of <see cref="PersonaCeilings"/>. Whoever can change the network, the
/// connectors, Cloud Guard, the event rules, the topics, the tags or the instances can open a path to the data or
/// blind the oversight outside the program, where no gate looks; so only the gatekeepers change the enclave's shape.
/// Operators run the database (through a Bastion session into the admin subnet) and storage admins delete objects;
/// auditors change nothing. Grants on data-bearing types are further held to <see cref="PersonaCeilings"/> (ENC-IAM-009).
/// </summary>
public static class ControlCeilings
{
    private static readonly FrozenDictionary<string, Verb> Operator = new Dictionary<string, Verb>(StringComparer.Ordinal)
    {
        ["autonomous-database-family"] = Verb.Manage, ["autonomous-databases"] = Verb.Manage,
        ["autonomous-backups"] = Verb.Manage, ["autonomous-container-databases"] = Verb.Manage,
        ["object-family"] = Verb.Manage, ["objects"] = Verb.Manage, ["buckets"] = Verb.Manage,
        ["key-delegate"] = Verb.Use,
        // Placing the database's private endpoint: its subnet, NSG, VNIC and private IP, nothing that routes or opens.
        ["subnets"] = Verb.Use, ["vnics"] = Verb.Use, ["network-security-groups"] = Verb.Use, ["private-ips"] = Verb.Manage,
        ["bastion"] = Verb.Use, ["bastion-session"] = Verb.Manage,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The gatekeepers change the enclave's shape, and only that: IAM of the tenancy (groups, dynamic groups, identity
    /// providers, network sources, sign-in and policies), the compartments and tags, the network, the keys and secrets,
    /// logging, connectors, topics, Bastion, Cloud Guard and event rules, and the archive's objects (their data grants
    /// held to <see cref="PersonaCeilings"/>). Nothing that runs code or holds state no gate reads (instances,
    /// functions, Resource Manager stacks, Data Safe discovery or masking), and no users, credentials or identity
    /// domains: a user, API key or domain administrator made out of band is an identity in the enclave that no stack
    /// config allowed (the break-glass users are the program's, ENC-IDN-003/005).
    /// </summary>
    private static readonly FrozenDictionary<string, Verb> Gatekeeper = GatekeeperTable();

    private static FrozenDictionary<string, Verb> GatekeeperTable()
    {
        var table = new Dictionary<string, Verb>(StringComparer.Ordinal);
        void Manage(params string[] types)
        {
            foreach (var t in types)
            {
                table[t] = Verb.Manage;
                foreach (var member in ResourceFamilies.Members(t)) table[member] = Verb.Manage;
            }
        }
        Manage("groups", "dynamic-groups", "identity-providers", "network-sources", "authentication-policies", "policies",
            "compartments", "tag-namespaces", "tag-defaults", "virtual-network-family", "vaults", "keys", "key-delegate",
            "secret-family", "logging-family", "serviceconnectors", "ons-family", "bastion-family", "cloud-guard-family",
            "cloudevents-rules", "security-zone", "object-family", "autonomous-database-family");
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static readonly FrozenDictionary<string, Verb> StorageAdmin = new Dictionary<string, Verb>(StringComparer.Ordinal)
    {
        ["object-family"] = Verb.Manage, ["objects"] = Verb.Manage, ["buckets"] = Verb.Manage,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// What the auditors may read: configuration and logs. Reading is not harmless everywhere: a Resource Manager
    /// stack or job holds the Terraform state with its secrets, an instance's console history shows its screen, Data
    /// Safe's discovery and masking reports hold samples of the data, a function's config holds credentials. So the
    /// auditors read only these types (an allow-list); everywhere else they inspect. Data-bearing types are listed
    /// because their ceilings (ENC-IAM-009) say what of them auditors read.
    /// </summary>
    private static readonly FrozenSet<string> AuditorReadable = new[]
    {
        // Configuration of the enclave's shape.
        "compartments", "tenancies", "users", "groups", "dynamic-groups", "identity-providers", "network-sources",
        "authentication-policies", "policies", "tag-namespaces", "tag-defaults", "virtual-network-family",
        "serviceconnectors", "ons-family", "ons-topics", "ons-subscriptions", "bastion", "cloudevents-rules",
        "cloud-guard-family", "security-zone", "metrics", "alarms", "audit-events",
        // Data-bearing types and families: held to the auditor rows of PersonaCeilings (ENC-IAM-009).
        "object-family", "objects", "buckets", "autonomous-database-family", "autonomous-databases", "autonomous-backups",
        "autonomous-container-databases", "vaults", "keys", "key-delegate", "secret-family", "secrets", "secret-bundles",
        "logging-family", "log-groups", "log-content",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Data Safe's assessment family (declared before the sets built from it) and the types of it that show no data (its target registration and work requests aside).</summary>
    private static readonly string[] DataSafeAssessments =
        ["data-safe-assessment-family", "security-assessments", "user-assessments", "data-safe-security-policy-reports"];

    /// <summary>
    /// What operators read: what auditors may, what they may change, and Data Safe's assessments (the program grants
    /// them). Only the assessments: Data Safe's discovery keeps sample values of the columns it finds sensitive, its
    /// masking reports and SQL collections and its audit events hold the data and the statements' text, so reading the
    /// whole family (or those types) is reading the data.
    /// </summary>
    private static readonly FrozenSet<string> OperatorReadable =
        AuditorReadable.Concat(Operator.Keys).Concat(DataSafeAssessments).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What gatekeepers read: what auditors may and what they may change.</summary>
    private static readonly FrozenSet<string> GatekeeperReadable = AuditorReadable.Concat(Gatekeeper.Keys).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What storage admins read: what auditors may and what they may change.</summary>
    private static readonly FrozenSet<string> StorageAdminReadable = AuditorReadable.Concat(StorageAdmin.Keys).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Why <paramref name="persona"/> may not hold <paramref name="access"/>, or null when it may. Conditions are not
    /// read: a ceiling is about the verb and type a statement names (the data ceilings read the conditions).
    /// </summary>
    public static string? Problem(Persona persona, Access access)
    {
        switch (access)
        {
            case VerbAccess v when v.Verb == Verb.Read && persona == Persona.Auditor:
                return AuditorReadable.Contains(ResourceFamilies.Canonical(v.ResourceType)) ? null
                    : $"auditors read only configuration and logs ({string.Join(", ", AuditorReadable.Order(StringComparer.Ordinal))}), yet it grants {Describe(v)}";
            case VerbAccess v when v.Verb == Verb.Read:
                // The same reads that reveal data to an auditor (a Resource Manager job's state, a console history, a
                // function's config) reveal it to an operator or storage admin: they read configuration, logs and
                // what they run, nothing else.
                var readable = persona switch
                {
                    Persona.Operator => OperatorReadable,
                    Persona.Gatekeeper => GatekeeperReadable,
                    _ => StorageAdminReadable,
                };
                return readable.Contains(ResourceFamilies.Canonical(v.ResourceType)) ? null
                    : $"{Name(persona)} read only configuration, logs and what they run ({string.Join(", ", readable.Order(StringComparer.Ordinal))}), yet it grants {Describe(v)}";
            case VerbAccess v when v.Verb <= Verb.Read:
                return null;
            case VerbAccess v:
                if (persona == Persona.Auditor) return $"auditors change nothing, yet it grants {Describe(v)}";
                var table = persona switch
                {
                    Persona.Operator => Operator,
                    Persona.Gatekeeper => Gatekeeper,
                    _ => StorageAdmin,
                };
                var type = ResourceFamilies.Canonical(v.ResourceType);
                return table.TryGetValue(type, out var max) && v.Verb <= max
                    ? null
                    : $"{Name(persona)} may change only {Allowed(table)}, yet it grants {Describe(v)}";
            case PermissionAccess p:
                // By permission: only inspect permissions and the data types' (judged by their ceilings). A _READ
                // permission cannot be placed on a type, so it cannot be held to the readable types above.
                var changing = p.Permissions.Where(x => !x.EndsWith("_INSPECT", StringComparison.Ordinal) && !IsDataPermission(x)).ToList();
                return changing.Count == 0 ? null
                    : $"{Name(persona)} may hold only the permissions of its ceilings, yet it grants {string.Join(", ", changing)}";
            default:
                return $"{Name(persona)} may not associate resources across tenancies";
        }
    }

    /// <summary>Does <paramref name="access"/> give more than inspect (a verb above inspect, any permission but an inspect one)?</summary>
    public static bool AboveInspect(Access access) => access switch
    {
        VerbAccess v => v.Verb > Verb.Inspect,
        PermissionAccess p => p.Permissions.Any(x => !x.EndsWith("_INSPECT", StringComparison.Ordinal)),
        _ => true,
    };

    /// <summary>Does <paramref name="access"/> let its holder change anything (a verb above read, any permission list)?</summary>
    public static bool Changes(Access access) => access switch
    {
        VerbAccess v => v.Verb > Verb.Read,
        PermissionAccess p => p.Permissions.Any(x => !IsLookOnly(x)),
        _ => true,
    };

    private static bool IsLookOnly(string permission) =>
        permission.EndsWith("_INSPECT", StringComparison.Ordinal) || permission.EndsWith("_READ", StringComparison.Ordinal);

    // Permissions of data-bearing types are the data ceilings' concern (ENC-IAM-009), where the persona may hold them.
    private static bool IsDataPermission(string permission) => DataTypes.All.Any(t => DataPermissions.VerbOn(permission, t) is not null);

    private static string Describe(VerbAccess v) => $"{v.Verb.ToString().ToLowerInvariant()} {v.ResourceType}";

    private static string Name(Persona persona) => persona switch
    {
        Persona.Operator => "operators",
        Persona.StorageAdmin => "storage admins",
        Persona.Gatekeeper => "gatekeepers",
        _ => persona.ToString().ToLowerInvariant(),
    };

    private static string Allowed(FrozenDictionary<string, Verb> table) =>
        string.Join(", ", table.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} (up to {kv.Value.ToString().ToLowerInvariant()})"));
}
