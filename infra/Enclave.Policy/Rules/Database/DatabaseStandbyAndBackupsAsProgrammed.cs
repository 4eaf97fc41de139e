using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// ENC-DB-090: the Autonomous Database inputs that ENC-DB-070 did not pin and that decide who reaches the database or
/// where copies of it go, held to the program's values. <c>arePrimaryWhitelistedIpsUsed: false</c> hands the standby an
/// access list of its own; long-term backup schedules keep full copies for up to ten years outside the retention the
/// stack declares, restorable into a new database; <c>openMode</c> is left to Oracle's read-write default.
/// </summary>
public sealed class DatabaseStandbyAndBackupsAsProgrammed : PinnedSettingsRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-090", "Autonomous Database standby access, long-term backups and open mode stay as the program sets them", Severity.Critical, Enforcement.Mandatory,
        "A standby with an access list of its own, a long-term backup schedule (full copies kept for years beyond the declared retention, restorable elsewhere), manual backups to an Object Storage bucket, or an open mode the program never chose change who reaches the data or where copies of it live.",
        "Leave arePrimaryWhitelistedIpsUsed unset or true, longTermBackupSchedules unset or empty, and openMode unset or READ_WRITE; configure no manual backups to Object Storage (backupConfigs).");

    private static bool NoManualBackups(PropertyValue configs) =>
        configs is ListValue l && l.Items.All(c =>
            (c["manualBackupType"].IsNull || c["manualBackupType"].AsString() is { } type && (type.Length == 0 || type.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase)))
            && (c["manualBackupBucketName"].IsNull || c["manualBackupBucketName"] is StringValue { Value.Length: 0 }));

    protected override IReadOnlyList<(string Type, Pin[] Pins)> Table { get; } =
    [
        (OciTypes.AutonomousDatabase,
        [
            new Pin("arePrimaryWhitelistedIpsUsed", "unset or true", static v => v.IsNull || v.AsBool() == true)
                .NotDeployed("OCI reports false or nothing as the access control and standby say; the standby's own list, standbyWhitelistedIps, is compared by ENC-GOV-092"),
            Pin.UnsetOrEmpty("longTermBackupSchedules"),
            Pin.UnsetOr("openMode", "READ_WRITE").NotDeployed("a standby reports READ_ONLY; either mode opens nothing"),
            // Output only: manual backups configured in the console write full copies to an Object Storage bucket by name
            // (any bucket the database's principal can write, of any compartment), outside the backups the stack declares.
            new Pin("backupConfigs", "unset, or no manual backups (manualBackupType NONE, no bucket)", static v => v.IsNull || NoManualBackups(v)),
        ]),
    ];
}
