using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static ClosedType[] DataAndKeys =>
    [
        new(OciTypes.AutonomousDatabase, Labels("displayName", "definedTags", "freeformTags"),
            new Inert("credentials, kept secret and judged as such (ENC-GOV-050)", "adminPassword", "secretId", "secretVersionNumber"),
            new Inert("names, workload, versions and character sets: what the database is, not who reaches it",
                "dbName", "dbWorkload", "dbVersion", "characterSet", "ncharacterSet"),
            new Inert("compute, storage and licensing: how big the database is and how it is billed",
                "computeModel", "computeCount", "cpuCoreCount", "ocpuCount", "maxCpuCoreCount", "byolComputeCountLimit", "inMemoryPercentage",
                "dataStorageSizeInTbs", "dataStorageSizeInGb", "licenseModel", "databaseEdition", "isAutoScalingEnabled",
                "isAutoScalingForStorageEnabled", "isShrinkOnly", "shrinkAdbTrigger", "state"),
            new Inert("how long backups are kept and whether that is locked: longer only keeps more (ENC-DB-090 pins long-term backups)",
                "backupRetentionPeriodInDays", "isBackupRetentionLocked"),
            new Inert("who Oracle notifies, and the endpoint's label and address inside its judged subnet",
                "customerContacts", "privateEndpointLabel", "privateEndpointIp"),
            new Inert("maintenance, upgrades and scheduled start/stop: when Oracle works on the database",
                "autonomousMaintenanceScheduleType", "autonomousDatabaseMaintenanceWindow", "isPreviewVersionWithServiceTermsAccepted",
                "isDisableDbVersionUpgradeSchedule", "isScheduleDbVersionUpgradeToEarliest", "timeScheduledDbVersionUpgrade",
                "timeMaintenancePauseUntil", "scheduledOperations", "enableDeleteScheduledOperations"),
            new Inert("rotating to a new version of the judged key (ENC-DB-003 reads which key)", "rotateKeyTrigger", "keyVersionId"),
            new Inert("standby settings: where standbys go is judged (ENC-REG-002 reads source, peers and regions)",
                "isLocalDataGuardEnabled", "isDataGuardEnabled", "localAdgAutoFailoverMaxDataLossLimit", "remoteDisasterRecoveryType",
                "disasterRecoveryType", "isReplicateAutomaticBackups", "isDisconnectPeer", "switchoverTo"),
            new Inert("settings of a clone or refreshable clone, whose source ENC-DB-070 and ENC-REG-002 judge",
                "cloneType", "timestamp", "useLatestAvailableBackupTimeStamp", "autoRefreshFrequencyInSeconds",
                "autoRefreshPointLagInSeconds", "timeOfAutoRefreshStart")),
        new(OciTypes.AutonomousDatabaseBackup, Labels("displayName"),
            new Inert("which database is backed up (a reference the gate keeps in the stack) and for how long: a longer backup only keeps more",
                "autonomousDatabaseId", "isLongTermBackup", "retentionPeriodInDays")),
        new(OciTypes.Bucket, [Labels("definedTags", "freeformTags"),
            new Inert("object metadata, the storage tier and the bucket-key cache: how objects are stored, not who reads them",
                "metadata", "storageTier", "isBucketKeyEnabled"),
            new Inert("the bucket's endpoint scope within its region", "bucketScope")], [], [Namespace]),
        new(OciTypes.ReplicationPolicy, [new Inert("the replication policy's name: which copy it is, not where it goes (destination judged)", "name")], [], [Namespace]),
        new(OciTypes.ObjectLifecyclePolicy, [], [], [Namespace]),
        new(OciTypes.Preauthrequest, [new Inert("the request's name: a label of a request whose access is judged (ENC-STO-005 refuses every one)", "name")], [], [Namespace]),
        new(OciTypes.Vault, Labels("displayName", "definedTags", "freeformTags")),
        new(OciTypes.Key, Labels("displayName", "definedTags", "freeformTags"), new Inert("the key's algorithm and length: how strong it is, not who may use it", "keyShape")),
        new(OciTypes.KeyVersion, new Inert("the key whose new version this is; the key and its vault are judged (ENC-KMS-051)", "keyId")),
        new(OciTypes.VaultVerification, new Inert("the vault being replicated; where to is judged (replicaRegion)", "vaultId")),
        new(OciTypes.VaultSecret, Labels("description", "definedTags", "freeformTags"),
            new Inert("the secret's content: a credential kept secret (ENC-GOV-050), never an isolation setting", "secretContent")),
    ];
}
