namespace Enclave.Components.Iam;

/// <summary>
/// Statements attached to the enclave's top compartment, each scoped to the one child compartment it needs. Every
/// persona grant requires MFA and the persona's network source (<see cref="Personas"/>).
/// Storage deletes are reserved to the storage admins (CIS 1.15): everyone else who manages object storage carries
/// <c>request.permission != 'BUCKET_DELETE'/'OBJECT_DELETE'</c>, the storage admins get exactly those with <c>=</c>.
/// Nobody may create a pre-authenticated request (a bearer URL that bypasses IAM, the network and MFA): every
/// object-storage manage grant also carries <c>request.permission != 'PAR_MANAGE'</c>.
/// </summary>
public static class EnclaveStatements
{
    public const string NoBucketDelete = "request.permission != 'BUCKET_DELETE'";
    public const string NoObjectDelete = "request.permission != 'OBJECT_DELETE'";
    public const string NoPreauthenticatedRequests = "request.permission != 'PAR_MANAGE'";

    /// <summary>
    /// What operators may do to the database beyond looking at it: start, stop and restart. OCI authorizes these and
    /// every security change (access list, mTLS, private endpoint, keys, scaling alike) with the one
    /// AUTONOMOUS_DATABASE_UPDATE permission, so the grant is pinned to these operations; wallet downloads
    /// (CONTENT_READ), clones, refreshable clones and DR copies (CREATE) are never granted. Load is absorbed by
    /// auto-scaling; the baseline size changes through the program.
    /// </summary>
    public static readonly IReadOnlyList<string> OperatorDatabaseOperations =
        ["StartAutonomousDatabase", "StopAutonomousDatabase", "RestartAutonomousDatabase"];

    private static string In(string compartmentId) => $"compartment id {compartmentId}";

    public static IReadOnlyList<string> Gatekeeper(Personas p, IamScope s)
    {
        var gk = p.Group(p.Gatekeeper);
        var guard = p.GatekeeperGuard;
        string Allow(string what, string compartment) => $"allow {gk} to {what} in {In(compartment)} where all {{{guard}}}";
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
            $"allow {gk} to manage object-family in {In(s.SecurityCompartmentId)} where all {{{NoBucketDelete}, {NoObjectDelete}, {NoPreauthenticatedRequests}, {guard}}}",
        ];
    }

    public static IReadOnlyList<string> Operator(Personas p, IamScope s)
    {
        var op = p.Group(p.Operator);
        var guard = p.GatekeeperGuard;
        string Allow(string what, string compartment) => $"allow {op} to {what} in {In(compartment)} where all {{{guard}}}";
        var operations = string.Join(", ", OperatorDatabaseOperations.Select(o => $"request.operation = '{o}'"));
        return
        [
            // See the database and its backups; run it (start/stop/restart) and nothing else. Pulumi protect is the
            // second lock against deletes.
            Allow("inspect autonomous-database-family", s.DatabaseCompartmentId),
            $"allow {op} to use autonomous-databases in {In(s.DatabaseCompartmentId)} where all {{any {{{operations}}}, {guard}}}",
            // Data Safe's assessments (security and user), not the whole family: discovery's sensitive data models and
            // masking reports hold samples of the data, its audit events and SQL collections the statements' text.
            Allow("read data-safe-assessment-family", s.DatabaseCompartmentId),
            Allow("read metrics", s.DatabaseCompartmentId),
            Allow("read virtual-network-family", s.NetworkCompartmentId),
            Allow("use subnets", s.NetworkCompartmentId),
            Allow("use network-security-groups", s.NetworkCompartmentId),
            Allow("use vnics", s.NetworkCompartmentId),
            Allow("manage private-ips", s.NetworkCompartmentId),
            Allow("read vaults", s.SecurityCompartmentId),
            $"allow {op} to use key-delegate in {In(s.SecurityCompartmentId)} where all {{target.key.id = '{s.DatabaseKeyId}', {guard}}}",
            Allow("use bastion", s.SecurityCompartmentId),
            Allow("manage bastion-session", s.SecurityCompartmentId),
            $"allow {op} to manage object-family in {In(s.AppCompartmentId)} where all {{{NoBucketDelete}, {NoObjectDelete}, {NoPreauthenticatedRequests}, {guard}}}",
        ];
    }

    public static IReadOnlyList<string> StorageAdmin(Personas p, IamScope s)
    {
        var sa = p.Group(p.StorageAdmin);
        var guard = p.GatekeeperGuard;
        var app = In(s.AppCompartmentId);
        return
        [
            $"allow {sa} to read buckets in {app} where all {{{guard}}}",
            $"allow {sa} to inspect objects in {app} where all {{{guard}}}",
            $"allow {sa} to manage object-family in {app} where all {{request.permission = 'BUCKET_DELETE', {guard}}}",
            $"allow {sa} to manage object-family in {app} where all {{request.permission = 'OBJECT_DELETE', {guard}}}",
        ];
    }

    /// <summary>Read-only oversight of the enclave from the auditors' network source: configuration, logs and the log
    /// archive; never user data (objects only in the security compartment's archive, the database only inspected, so
    /// no wallet and no contents).</summary>
    public static IReadOnlyList<string> Auditor(Personas p, IamScope s)
    {
        var au = p.Group(p.Auditor);
        string Allow(string what, string compartment) => $"allow {au} to {what} in {In(compartment)} where all {{{p.AuditorGuard}}}";
        return
        [
            Allow("inspect all-resources", s.TopCompartmentId),
            Allow("inspect autonomous-database-family", s.DatabaseCompartmentId),
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

    /// <summary>The database's resource principal may use its own key, and read its own ADMIN password secret only
    /// (landing-zone database-kms pattern).</summary>
    public static IReadOnlyList<string> DatabaseResourcePrincipal(Personas p, IamScope s) =>
    [
        $"allow dynamic-group {p.DatabaseDynamicGroup} to use vaults in {In(s.SecurityCompartmentId)}",
        $"allow dynamic-group {p.DatabaseDynamicGroup} to use keys in {In(s.SecurityCompartmentId)} where target.key.id = '{s.DatabaseKeyId}'",
        $"allow dynamic-group {p.DatabaseDynamicGroup} to read secret-bundles in {In(s.SecurityCompartmentId)} where target.secret.name = '{s.AdminSecretName}'",
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
