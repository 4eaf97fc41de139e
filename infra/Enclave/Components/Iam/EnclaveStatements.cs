namespace Enclave.Components.Iam;

/// <summary>
/// Statements attached to the enclave's top compartment, each scoped to the one child compartment it needs.
/// Storage deletes are reserved to the storage admins (CIS 1.15): everyone else who manages object storage carries
/// <c>request.permission != 'BUCKET_DELETE'/'OBJECT_DELETE'</c>, the storage admins get exactly those with <c>=</c>.
/// </summary>
public static class EnclaveStatements
{
    public const string NoBucketDelete = "request.permission != 'BUCKET_DELETE'";
    public const string NoObjectDelete = "request.permission != 'OBJECT_DELETE'";

    /// <summary>Nobody shares the enclave's objects by URL (ENC-STO-005), so no persona may create pre-authenticated requests.</summary>
    public const string NoParManage = "request.permission != 'PAR_MANAGE'";

    /// <summary>Auditors see the database's configuration, never its contents (wallets, data).</summary>
    public const string NoDatabaseContent = "request.permission != 'AUTONOMOUS_DATABASE_CONTENT_READ'";

    private static string In(string compartmentId) => $"compartment id {compartmentId}";

    public static IReadOnlyList<string> Gatekeeper(Personas p, IamScope s)
    {
        var gk = p.Group(p.Gatekeeper);
        var net = p.FromGatekeeperNetworks;
        string Allow(string what, string compartment) => $"allow {gk} to {what} in {In(compartment)} where {net}";
        return
        [
            Allow("inspect all-resources", s.TopCompartmentId),
            Allow("manage compartments", s.TopCompartmentId),
            Allow("manage tag-namespaces", s.TopCompartmentId),
            Allow("manage tag-defaults", s.TopCompartmentId),
            Allow("manage virtual-network-family", s.NetworkCompartmentId),
            Allow("manage vaults", s.SecurityCompartmentId),
            Allow("manage keys", s.SecurityCompartmentId),
            Allow("manage logging-family", s.SecurityCompartmentId),
            Allow("manage serviceconnectors", s.SecurityCompartmentId),
            Allow("manage ons-family", s.SecurityCompartmentId),
            Allow("manage bastion-family", s.SecurityCompartmentId),
            Allow("read autonomous-database-family", s.DatabaseCompartmentId),
            $"allow {gk} to manage object-family in {In(s.SecurityCompartmentId)} where all {{{NoBucketDelete}, {NoObjectDelete}, {NoParManage}, {net}}}",
        ];
    }

    public static IReadOnlyList<string> Operator(Personas p, IamScope s)
    {
        var op = p.Group(p.Operator);
        var net = p.FromGatekeeperNetworks;
        string Allow(string what, string compartment) => $"allow {op} to {what} in {In(compartment)} where {net}";
        return
        [
            // Operators run the database but cannot delete it (Pulumi protect is the second lock).
            $"allow {op} to manage autonomous-database-family in {In(s.DatabaseCompartmentId)} where all {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', {net}}}",
            Allow("read data-safe-family", s.DatabaseCompartmentId),
            Allow("read metrics", s.DatabaseCompartmentId),
            Allow("read virtual-network-family", s.NetworkCompartmentId),
            Allow("use subnets", s.NetworkCompartmentId),
            Allow("use network-security-groups", s.NetworkCompartmentId),
            Allow("use vnics", s.NetworkCompartmentId),
            Allow("manage private-ips", s.NetworkCompartmentId),
            Allow("read vaults", s.SecurityCompartmentId),
            $"allow {op} to use key-delegate in {In(s.SecurityCompartmentId)} where all {{target.key.id = '{s.DatabaseKeyId}', {net}}}",
            Allow("use bastion", s.SecurityCompartmentId),
            Allow("manage bastion-session", s.SecurityCompartmentId),
            $"allow {op} to manage object-family in {In(s.AppCompartmentId)} where all {{{NoBucketDelete}, {NoObjectDelete}, {NoParManage}, {net}}}",
        ];
    }

    public static IReadOnlyList<string> StorageAdmin(Personas p, IamScope s)
    {
        var sa = p.Group(p.StorageAdmin);
        var net = p.FromGatekeeperNetworks;
        var app = In(s.AppCompartmentId);
        return
        [
            $"allow {sa} to read buckets in {app} where {net}",
            $"allow {sa} to inspect objects in {app} where {net}",
            $"allow {sa} to manage object-family in {app} where all {{request.permission = 'BUCKET_DELETE', {net}}}",
            $"allow {sa} to manage object-family in {app} where all {{request.permission = 'OBJECT_DELETE', {net}}}",
        ];
    }

    /// <summary>
    /// Read-only oversight of the enclave: configuration and logs, never user data (no database contents; object reads
    /// only of each region's log archive bucket, granted with that archive).
    /// </summary>
    public static IReadOnlyList<string> Auditor(Personas p, IamScope s)
    {
        var au = p.Group(p.Auditor);
        string Allow(string what, string compartment) => $"allow {au} to {what} in {In(compartment)}";
        return
        [
            Allow("inspect all-resources", s.TopCompartmentId),
            $"allow {au} to read autonomous-databases in {In(s.DatabaseCompartmentId)} where {NoDatabaseContent}",
            Allow("read virtual-network-family", s.NetworkCompartmentId),
            Allow("read buckets", s.TopCompartmentId),
            Allow("read vaults", s.SecurityCompartmentId),
            Allow("read keys", s.SecurityCompartmentId),
            Allow("read log-groups", s.SecurityCompartmentId),
            Allow("read log-content", s.SecurityCompartmentId),
            Allow("read serviceconnectors", s.SecurityCompartmentId),
            Allow("read ons-family", s.SecurityCompartmentId),
            Allow("read bastion", s.SecurityCompartmentId),
        ];
    }

    /// <summary>The database's resource principal may use its own key only (landing-zone database-kms pattern).</summary>
    public static IReadOnlyList<string> DatabaseResourcePrincipal(Personas p, IamScope s) =>
    [
        $"allow dynamic-group {p.DatabaseDynamicGroup} to use vaults in {In(s.SecurityCompartmentId)}",
        $"allow dynamic-group {p.DatabaseDynamicGroup} to use keys in {In(s.SecurityCompartmentId)} where target.key.id = '{s.DatabaseKeyId}'",
    ];

    /// <summary>Object Storage of the deployment region encrypts the application buckets with the buckets key. (Each
    /// region's log archive grants its own region's Object Storage its logs key, with the archive.)</summary>
    public static IReadOnlyList<string> Services(string deploymentRegion, IamScope s) =>
    [
        $"allow service objectstorage-{deploymentRegion} to use keys in {In(s.SecurityCompartmentId)} where target.key.id = '{s.BucketsKeyId}'",
    ];

    /// <summary>Matching rule of the database's dynamic group: Autonomous Databases of the database compartment.</summary>
    public static string DatabaseMatchingRule(string databaseCompartmentId) =>
        $"ALL {{resource.type = 'autonomousdatabase', resource.compartment.id = '{databaseCompartmentId}'}}";
}
