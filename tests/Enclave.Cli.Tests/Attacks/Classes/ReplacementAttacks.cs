using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// A replacement destroys what the old resource held: the database's data, the archive's evidence, the key that
/// decrypts the backups, a log. Previews show it as one `replace` step, or with `--show-replacement-steps` as
/// `create-replacement`, `replace` and `delete-replaced`; either way ENC-GOV-070 blocks it. (Once deployed, a state shows
/// only the successor; an interrupted replacement's leftover fails ENC-GOV-031, StateIntegrityAttacks.)
/// </summary>
public sealed class ReplacementAttacks : AttackClass
{
    private static readonly (string Name, string What)[] DataStores =
    [
        ("database-adb", "the primary database"),
        ("database-adb-standby", "the standby database"),
        ("oversight-archive-us-ashburn-1-bucket", "the log archive bucket"),
        ("storage-user-data", "the user-data bucket"),
        ("keys-vault", "the vault"),
        ("keys-database-key", "the database key"),
        ("keys-logs-key", "the logs key"),
        ("oversight-archive-us-ashburn-1-bucket-logs", "the archive's log group"),
        ("oversight-archive-us-ashburn-1-archive-bucket-read-log", "the archive's read log"),
        ("network-data-flow-log", "the data subnet's flow log"),
    ];

    public override IEnumerable<AttackCase> Cases()
    {
        foreach (var (name, what) in DataStores)
        {
            yield return Attack($"{what} replaced (pulumi up --replace)", "ENC-GOV-070", p => p.Resource(name).Replace(), Forms.Preview);
            yield return Attack($"{what} replaced, shown step by step", "ENC-GOV-070", p =>
            {
                p.ShowReplacementSteps = true;
                return p.Resource(name).Replace();
            }, Forms.Preview);
        }
        yield return Attack("the database replaced by a changed character set", "ENC-GOV-070",
            p => p.Resource("database-adb").Set("characterSet", "WE8ISO8859P1").Replace(), Forms.Preview);
        yield return Attack("the archive bucket replaced by a new name", "ENC-GOV-070",
            p => p.Resource("oversight-archive-us-ashburn-1-bucket").Set("name", "usde-prod-archive-v2").Replace(), Forms.Preview);

        // Nothing holds data in an event rule, and nothing names its OCID: recreating it loses nothing.
        yield return Legitimate("an event rule recreated", p => p.Resource("oversight-us-phoenix-1-nsg-changes").Replace(), Forms.Preview);
        yield return Legitimate("an event rule recreated, shown step by step", p =>
        {
            p.ShowReplacementSteps = true;
            p.Resource("oversight-us-phoenix-1-nsg-changes").Replace();
        }, Forms.Preview);
    }
}
