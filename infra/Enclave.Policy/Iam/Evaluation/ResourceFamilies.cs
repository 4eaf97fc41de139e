using Enclave.Policy.Graph;
namespace Enclave.Policy.Iam;

/// <summary>
/// Which resource types an aggregate type ("family") covers, and the coverage test the evaluator uses. Only
/// <c>virtual-network-family</c> was checked against Oracle's resource-type pages (reference §3.4); the other rows
/// are from memory, so they are marked incomplete and anything uncertain answers <see cref="Truth.Unknown"/>
/// ("when unsure whether a family covers a type, say it may").
/// </summary>
public static class ResourceFamilies
{
    private sealed class Family(string[] members, string[] possible, bool Complete)
    {
        public HashSet<string> Members { get; } = new(members, StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Possible { get; } = new(possible, StringComparer.OrdinalIgnoreCase);
        public string[] Listed { get; } = members;
        public bool Complete { get; } = Complete;
    }

    private static readonly Dictionary<string, Family> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["virtual-network-family"] = new([
            "vcns", "subnets", "route-tables", "network-security-groups", "security-lists", "dhcp-options", "private-ips",
            "public-ips", "ipv6s", "internet-gateways", "nat-gateways", "service-gateways", "local-peering-gateways",
            "local-peering-from", "local-peering-to", "remote-peering-connections", "remote-peering-from",
            "remote-peering-to", "drgs", "drg-attachments", "drg-route-tables", "drg-route-distributions",
            "drg-object", "cpes", "ipsec-connections", "cross-connects", "cross-connect-groups", "virtual-circuits",
            "vnics", "vnic-attachments", "vtaps", "capture-filters", "vlans", "byoiprange", "publicippool", "ipam",
        ], [], Complete: true),
        ["instance-family"] = new(["instances", "instance-images", "instance-console-connection", "console-histories",
            "app-catalog-listing", "volume-attachments"], ["instance-agent-plugins"], Complete: false),
        ["compute-management-family"] = new(["instance-configurations", "instance-pools", "cluster-networks"], [], false),
        ["instance-agent-command-family"] = new(["instance-agent-commands"], [], false),
        ["volume-family"] = new(["volumes", "volume-attachments", "volume-backups", "boot-volume-backups",
            "backup-policies", "backup-policy-assignments", "volume-groups", "volume-group-backups"], [], false),
        ["object-family"] = new(["buckets", "objects"], ["objectstorage-namespaces"], false),
        ["file-family"] = new(["file-systems", "mount-targets", "export-sets"],
            ["replications", "filesystem-snapshot-policies", "outbound-connectors"], false),
        ["database-family"] = new(["db-systems", "db-nodes", "db-homes", "databases", "pluggable-databases",
            "db-backups", "backups", "backup-destinations", "vmclusters", "vmcluster-networks",
            "exadata-infrastructures", "cloud-exadata-infrastructures", "cloud-vmclusters"],
            // Whether database-family reaches the autonomous types is not settled, so it may.
            ["autonomous-databases", "autonomous-backups", "autonomous-container-databases",
             "autonomous-exadata-infrastructures", "autonomous-vmclusters", "cloud-autonomous-vmclusters"], false),
        ["autonomous-database-family"] = new(["autonomous-databases", "autonomous-backups",
            "autonomous-container-databases", "autonomous-exadata-infrastructures", "autonomous-vmclusters",
            "cloud-autonomous-vmclusters", "database-connections"], [], false),
        ["secret-family"] = new(["secrets", "secret-bundles"], [], false),
        ["logging-family"] = new(["log-groups", "log-content", "unified-configuration"], [], false),
        ["ons-family"] = new(["ons-topics", "ons-subscriptions"], [], false),
        ["stream-family"] = new(["stream-pools", "streams", "stream-push", "stream-pull"], ["connect-harness"], false),
        ["cloud-guard-family"] = new(["cloud-guard-config", "cloud-guard-targets", "cloud-guard-detector-recipes",
            "cloud-guard-responder-recipes", "cloud-guard-problems", "cloud-guard-managed-lists",
            "cloud-guard-recommendations", "cloud-guard-resource-types", "cloud-guard-detectors",
            "cloud-guard-responders", "cloud-guard-responder-executions"], [], false),
        // Data Safe's families per Oracle's Data Safe IAM reference: the whole family reaches discovery (sensitive data
        // models with sample values), masking reports, audit events and SQL collections; the assessment family only
        // the security and user assessments (with target registration and the common types).
        ["data-safe-family"] = new(["data-safe", "data-safe-private-endpoints", "data-safe-target-databases", "target-databases",
            "onprem-connectors", "data-safe-work-requests", "data-safe-report-definitions", "data-safe-reports",
            "data-safe-attribute-sets", "data-safe-assessments", "user-assessments", "security-assessments",
            "data-safe-security-policy-reports", "data-safe-archive-retrievals", "data-safe-audit-events",
            "data-safe-audit-policies", "data-safe-audit-profiles", "data-safe-audit-trails", "data-safe-discovery-jobs",
            "data-safe-sensitive-data-models", "data-safe-sensitive-type-group", "data-safe-sensitive-types",
            "data-safe-sensitive-types-export", "data-safe-library-masking-formats", "data-safe-masking-policies",
            "data-safe-masking-policy-healthreport", "data-safe-masking-reports", "data-safe-sql-collections",
            "data-safe-sql-firewall-allowed-sqls", "data-safe-sql-firewall-policies", "data-safe-sql-firewall-violations",
            "data-safe-alerts", "data-safe-alert-policies"], [], false),
        ["data-safe-assessment-family"] = new(["data-safe", "data-safe-private-endpoints", "onprem-connectors", "target-databases",
            "user-assessments", "security-assessments", "data-safe-work-requests", "data-safe-security-policy-reports"], [], false),
        ["data-safe-discovery-family"] = new(["data-safe", "data-safe-private-endpoints", "onprem-connectors", "target-databases",
            "target-database-group", "data-safe-sensitive-data-models", "data-safe-sensitive-type-group", "data-safe-sensitive-types",
            "data-safe-sensitive-types-export", "data-safe-discovery-jobs", "data-safe-work-requests"], [], false),
        ["data-safe-masking-family"] = new(["data-safe", "data-safe-private-endpoints", "onprem-connectors", "target-databases",
            "data-safe-masking-policies", "data-safe-library-masking-formats", "data-safe-masking-reports",
            "data-safe-masking-policy-healthreport", "data-safe-work-requests"], [], false),
        ["dns"] = new(["dns-zones", "dns-records", "dns-traffic-management", "dns-steering-policies",
            "dns-steering-policy-attachments", "dns-tsig-keys", "dns-resolvers", "dns-resolver-endpoints",
            "dns-views"], [], false),
        ["network-firewall-family"] = new(["network-firewalls", "network-firewall-policies"], [], false),
        ["vss-family"] = new(["vss-host-scan-recipes", "vss-host-scan-targets", "vss-host-scans"], [], false),
        ["bastion-family"] = new(["bastion", "bastion-session"], [], false),
        ["cluster-family"] = new(["clusters", "cluster-node-pools", "cluster-work-requests",
            "cluster-virtualnode-pools"], [], false),
        ["functions-family"] = new(["fn-app", "fn-function", "fn-invocation"], [], false),
    };

    /// <summary>Individual types that belong to no family above (IAM, keys, monitoring, …).</summary>
    private static readonly HashSet<string> Individual = new(StringComparer.OrdinalIgnoreCase)
    {
        "users", "groups", "dynamic-groups", "policies", "compartments", "identity-providers", "network-sources",
        "authentication-policies", "domains", "tag-namespaces", "tag-defaults", "tenancies", "credentials",
        "vaults", "keys", "key-delegate", "hsm-cluster", "load-balancers", "repos", "metrics", "alarms",
        "audit-events", "cloudevents-rules", "serviceconnectors", "usage-budgets", "usage-report", "cloud-shell",
        "security-zone", "quota", "work-requests",
    };

    private static readonly HashSet<string> Known = BuildKnown();

    /// <summary>
    /// Singular spellings OCI accepts for a plural type (Oracle's own landing zone writes <c>read bucket</c> and
    /// <c>inspect object</c>, its docs <c>manage autonomous-database</c>): read as the plural, so that a grant cannot
    /// slip past a rule by its spelling.
    /// </summary>
    private static readonly Dictionary<string, string> Singulars = BuildSingulars();

    private static Dictionary<string, string> BuildSingulars()
    {
        var singulars = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in Known)
        {
            if (type.EndsWith("ies", StringComparison.OrdinalIgnoreCase)) singulars.TryAdd(type[..^3] + "y", type);
            else if (type.EndsWith('s')) singulars.TryAdd(type[..^1], type);
        }
        foreach (var type in Known) singulars.Remove(type);
        return singulars;
    }

    /// <summary>The type as this table spells it: a singular alias becomes its plural, anything else is kept.</summary>
    public static string Canonical(string type) => Singulars.GetValueOrDefault(type, type);

    private static HashSet<string> BuildKnown()
    {
        var known = new HashSet<string>(Individual, StringComparer.OrdinalIgnoreCase);
        foreach (var family in Table.Values)
        {
            known.UnionWith(family.Members);
            known.UnionWith(family.Possible);
        }
        return known;
    }

    /// <summary>True for a name this table treats as an aggregate type.</summary>
    public static bool IsFamily(string type) => Table.ContainsKey(type);

    /// <summary>The types a family certainly covers (empty for an individual type).</summary>
    public static IReadOnlyList<string> Members(string family) =>
        Table.TryGetValue(family, out var f) ? f.Listed : [];

    /// <summary>
    /// Does a grant on <paramref name="granted"/> cover <paramref name="requested"/>? True when it certainly does,
    /// Unknown when it may (an uncertain family row, an unknown <c>*-family</c>, or a family asked about as a
    /// whole and granted only in part), False otherwise.
    /// </summary>
    public static Truth Covers(string granted, string requested)
    {
        granted = Canonical(granted);
        requested = Canonical(requested);
        if (granted.Equals(requested, StringComparison.OrdinalIgnoreCase)) return Truth.True;
        if (granted.Equals(VerbAccess.AllResources, StringComparison.OrdinalIgnoreCase)) return Truth.True;
        if (requested.Equals(VerbAccess.AllResources, StringComparison.OrdinalIgnoreCase)) return Truth.Unknown;
        var grantedFamily = Table.GetValueOrDefault(granted);
        var requestedFamily = Table.GetValueOrDefault(requested);
        if (grantedFamily is not null)
        {
            if (grantedFamily.Members.Contains(requested)) return Truth.True;
            if (grantedFamily.Possible.Contains(requested)) return Truth.Unknown;
            if (requestedFamily is not null) return Overlap(grantedFamily, requestedFamily);
            return !grantedFamily.Complete && !Known.Contains(requested) ? Truth.Unknown : Truth.False;
        }
        if (requestedFamily is not null)
            return requestedFamily.Members.Contains(granted) || requestedFamily.Possible.Contains(granted)
                ? Truth.Unknown
                : Truth.False;
        // A family we do not know about might cover anything we do not know about either.
        return granted.EndsWith("-family", StringComparison.OrdinalIgnoreCase) ? Truth.Unknown : Truth.False;
    }

    private static Truth Overlap(Family a, Family b) =>
        a.Members.Concat(a.Possible).Any(t => b.Members.Contains(t) || b.Possible.Contains(t)) ? Truth.Unknown : Truth.False;
}
