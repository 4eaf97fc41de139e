using System.Collections.Immutable;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>The stack's declared personas (stack config <c>groups</c>).</summary>
public enum Persona
{
    /// <summary>The US data-security team: IAM, network, keys, the log archive.</summary>
    Gatekeeper,

    /// <summary>Database operators: run the database, never delete it, never hold keys.</summary>
    Operator,

    /// <summary>US oversight: read logs and configuration, never user data.</summary>
    Auditor,

    /// <summary>The only deletes of buckets and objects (CIS 1.15), nothing else.</summary>
    StorageAdmin,
}

/// <summary>
/// How far a persona may go on one data-bearing type: up to <see cref="Max"/> with no further condition, up to
/// <see cref="Elevated"/> only when the statement's where clause does what <see cref="How"/> says. Anything above is
/// a violation (rule ENC-IAM-009).
/// </summary>
public sealed record Ceiling(Persona Persona, string Type, Verb Max, Verb Elevated, Allowance How);

/// <summary>What a where clause must do for a grant between a ceiling's <c>Max</c> and <c>Elevated</c>.</summary>
public abstract record Allowance
{
    /// <summary>Nothing above <c>Max</c>.</summary>
    public sealed record None : Allowance;

    /// <summary>The clause rules out each of these permissions (<c>request.permission != '…'</c>).</summary>
    public sealed record Excluding(ImmutableArray<string> Permissions) : Allowance;

    /// <summary>The clause rules out every permission but these (<c>request.permission = '…'</c>).</summary>
    public sealed record Only(ImmutableArray<string> Permissions) : Allowance;

    /// <summary>The clause pins <c>target.bucket.name</c> to the log archive buckets (targets of the stack's connectors).</summary>
    public sealed record ArchiveBucketsOnly : Allowance;

    /// <summary>The clause pins <c>request.operation</c> to these API operations (nothing else passes it).</summary>
    public sealed record OperationsOnly(ImmutableArray<string> Operations) : Allowance;

    /// <summary>Either allowance will do (the first one's problems are reported when neither holds).</summary>
    public sealed record Either(Allowance First, Allowance Second) : Allowance;
}

/// <summary>
/// Every persona's ceiling on every data-bearing type, declared here and nowhere else. The stack's own statements
/// (infra/Enclave/Components/Iam) must stay under these; a change that lifts a persona above its ceiling fails
/// ENC-IAM-009. Gatekeepers, operators and storage admins act on data only from the gatekeeper networks
/// (<see cref="NeedsGatekeeperNetwork"/>).
/// </summary>
public static class PersonaCeilings
{
    private static readonly string[] Database = ["autonomous-databases", "autonomous-backups", "autonomous-container-databases"];
    private static readonly string[] Keys = ["vaults", "keys", "key-delegate", "secrets", "secret-bundles"];
    private static readonly string[] Logs = ["log-content", "log-groups"];

    /// <summary>The database lifecycle operations an operator may be granted by operation (start, stop, restart).</summary>
    public static readonly ImmutableArray<string> OperatorDatabaseOperations =
        ["StartAutonomousDatabase", "StopAutonomousDatabase", "RestartAutonomousDatabase"];

    public static readonly ImmutableArray<Ceiling> All =
    [
        // Gatekeepers hold the keys and the archive; no one needs pre-authenticated requests (ENC-STO-005).
        .. Rows(Persona.Gatekeeper, ["objects"], Verb.Manage),
        .. Rows(Persona.Gatekeeper, ["buckets"], Verb.Use, Verb.Manage, Excluding("PAR_MANAGE")),
        .. Rows(Persona.Gatekeeper, Database, Verb.Read),
        .. Rows(Persona.Gatekeeper, Keys, Verb.Manage),
        .. Rows(Persona.Gatekeeper, Logs, Verb.Manage),

        // Operators run the database but never delete it, never manage keys or vaults, never share by URL. They never
        // see its contents either: CONTENT_READ is the wallet download (GenerateAutonomousDatabaseWallet) and every
        // read of the data, CONTENT_WRITE writes it, CREATE makes clones (a copy of the data), UPDATE can open the
        // endpoint or its ACL. Above inspect, a grant either rules all of those out or pins request.operation to the
        // lifecycle operations the program grants (OperatorDatabaseOperations of infra/Enclave, kept equal by a test).
        .. Rows(Persona.Operator, ["objects"], Verb.Use, Verb.Manage, Excluding("OBJECT_DELETE")),
        .. Rows(Persona.Operator, ["buckets"], Verb.Use, Verb.Manage, Excluding("BUCKET_DELETE", "PAR_MANAGE")),
        .. Rows(Persona.Operator, ["autonomous-databases"], Verb.Inspect, Verb.Manage, new Allowance.Either(
            Excluding("AUTONOMOUS_DATABASE_CONTENT_READ", "AUTONOMOUS_DATABASE_CONTENT_WRITE", "AUTONOMOUS_DATABASE_UPDATE",
                "AUTONOMOUS_DATABASE_CREATE", "AUTONOMOUS_DATABASE_DELETE"),
            new Allowance.OperationsOnly([.. OperatorDatabaseOperations]))),
        // Backups: operators list them and may create or delete them, but restoring or cloning from one copies the
        // data (AUTONOMOUS_DB_BACKUP_CONTENT_READ), which only the gatekeepers may do.
        .. Rows(Persona.Operator, ["autonomous-backups"], Verb.Inspect, Verb.Manage, Excluding("AUTONOMOUS_DB_BACKUP_CONTENT_READ")),
        .. Rows(Persona.Operator, ["autonomous-container-databases"], Verb.Manage),
        .. Rows(Persona.Operator, ["vaults", "keys"], Verb.Read),
        .. Rows(Persona.Operator, ["key-delegate"], Verb.Use),
        .. Rows(Persona.Operator, ["secrets", "secret-bundles"], Verb.Inspect),
        .. Rows(Persona.Operator, Logs, Verb.Read),

        // Auditors read logs and configuration: object contents only of the log archive, no database contents,
        // no secret contents, nothing above read.
        .. Rows(Persona.Auditor, ["objects"], Verb.Inspect, Verb.Read, new Allowance.ArchiveBucketsOnly()),
        .. Rows(Persona.Auditor, ["buckets"], Verb.Read),
        .. Rows(Persona.Auditor, ["autonomous-databases"], Verb.Inspect, Verb.Read, Excluding("AUTONOMOUS_DATABASE_CONTENT_READ")),
        .. Rows(Persona.Auditor, ["autonomous-backups"], Verb.Inspect, Verb.Read, Excluding("AUTONOMOUS_DB_BACKUP_CONTENT_READ")),
        .. Rows(Persona.Auditor, ["autonomous-container-databases"], Verb.Read),
        .. Rows(Persona.Auditor, ["vaults", "keys", "secrets"], Verb.Read),
        .. Rows(Persona.Auditor, ["key-delegate", "secret-bundles"], Verb.Inspect),
        .. Rows(Persona.Auditor, Logs, Verb.Read),

        // Storage admins delete buckets and objects (CIS 1.15) and see what they delete, nothing more.
        .. Rows(Persona.StorageAdmin, ["buckets"], Verb.Read, Verb.Manage, Only("BUCKET_DELETE", "OBJECT_DELETE")),
        .. Rows(Persona.StorageAdmin, ["objects"], Verb.Inspect, Verb.Manage, Only("BUCKET_DELETE", "OBJECT_DELETE")),
        .. Rows(Persona.StorageAdmin, [.. Database, .. Keys, .. Logs], Verb.Inspect),
    ];

    private static readonly Dictionary<(Persona, string), Ceiling> ByKey = All.ToDictionary(c => (c.Persona, c.Type));

    /// <summary>The ceiling of <paramref name="persona"/> on a data-bearing <paramref name="type"/>.</summary>
    public static Ceiling For(Persona persona, string type) => ByKey[(persona, type)];

    /// <summary>Grants above inspect on data must carry the gatekeeper-network condition (every persona but the auditors).</summary>
    public static bool NeedsGatekeeperNetwork(Persona persona) => persona != Persona.Auditor;

    private static IEnumerable<Ceiling> Rows(Persona persona, string[] types, Verb max) =>
        types.Select(t => new Ceiling(persona, t, max, max, new Allowance.None()));

    private static IEnumerable<Ceiling> Rows(Persona persona, string[] types, Verb max, Verb elevated, Allowance how) =>
        types.Select(t => new Ceiling(persona, t, max, elevated, how));

    private static Allowance Excluding(params string[] permissions) => new Allowance.Excluding([.. permissions]);

    private static Allowance Only(params string[] permissions) => new Allowance.Only([.. permissions]);
}
