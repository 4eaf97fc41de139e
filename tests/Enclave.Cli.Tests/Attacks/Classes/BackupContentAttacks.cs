using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Restoring or cloning a database from one of its backups copies the data (AUTONOMOUS_DB_BACKUP_CONTENT_READ): only
/// the gatekeepers may. Operators list backups and may create or delete them, never read their contents (ENC-IAM-009).
/// </summary>
public sealed class BackupContentAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Operators = "group 'UsdsEnclave'/'usde-prod-db-operators'";
    private const string StorageAdmins = "group 'UsdsEnclave'/'usde-prod-storage-admins'";
    private const string Guard = "request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'";
    private const string NoBackupContent = "request.permission != 'AUTONOMOUS_DB_BACKUP_CONTENT_READ'";

    public override IEnumerable<AttackCase> Cases()
    {
        AttackCase Grant(string name, string policy, Func<string, string> statement) =>
            Attack(name, "ENC-IAM-009", p => Add(p, policy, statement(Cmp(p))));

        yield return Grant("operators manage backups, restores included", "iam-operators",
            c => $"allow {Operators} to manage autonomous-backups in compartment id {c} where all {{{Guard}}}");
        yield return Grant("operators read backup contents", "iam-operators",
            c => $"allow {Operators} to read autonomous-backups in compartment id {c} where all {{{Guard}}}");
        yield return Grant("operators use backups", "iam-operators",
            c => $"allow {Operators} to use autonomous-backups in compartment id {c} where all {{{Guard}}}");
        yield return Grant("operators get the backup content permission by name", "iam-operators",
            c => $"allow {Operators} to {{AUTONOMOUS_DB_BACKUP_CONTENT_READ}} in compartment id {c} where all {{{Guard}}}");
        yield return Grant("operators get the backup content permission in lower case", "iam-operators",
            c => $"allow {Operators} to {{autonomous_db_backup_content_read}} in compartment id {c} where all {{{Guard}}}");
        yield return Grant("operators manage the database family excluding every database permission but the backup content", "iam-operators",
            c => $"allow {Operators} to manage autonomous-database-family in compartment id {c} where all {{request.permission != 'AUTONOMOUS_DATABASE_DELETE', " +
                 "request.permission != 'AUTONOMOUS_DATABASE_CONTENT_READ', request.permission != 'AUTONOMOUS_DATABASE_CONTENT_WRITE', " +
                 $"request.permission != 'AUTONOMOUS_DATABASE_CREATE', request.permission != 'AUTONOMOUS_DATABASE_UPDATE', {Guard}}}");
        yield return Grant("operators manage backups with the exclusion only on one branch of an any", "iam-operators",
            c => $"allow {Operators} to manage autonomous-backups in compartment id {c} where any {{{NoBackupContent}, request.user.mfaTotpVerified = 'true'}}");
        yield return Grant("storage admins manage backups", "iam-storage-admins",
            c => $"allow {StorageAdmins} to manage autonomous-backups in compartment id {c} where all {{{Guard}}}");

        yield return Legitimate("operators create and delete backups, never read them",
            p => Add(p, "iam-operators", $"allow {Operators} to manage autonomous-backups in compartment id {Cmp(p)} where all {{{NoBackupContent}, {Guard}}}"));
        yield return Legitimate("operators list backups",
            p => Add(p, "iam-operators", $"allow {Operators} to inspect autonomous-backups in compartment id {Cmp(p)} where all {{{Guard}}}"));
    }

    private static string Add(Prod p, string policy, string statement) => p.Resource(policy, PolicyType).Append("statements", statement).Urn;

    private static string Cmp(Prod p) => p.Resource("tenancy-database").Json["id"]!.GetValue<string>();
}
