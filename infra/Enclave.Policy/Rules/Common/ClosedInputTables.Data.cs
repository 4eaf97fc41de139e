using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static ClosedType[] DataAndKeys =>
    [
        new(OciTypes.AutonomousDatabase, [Labels("displayName", "definedTags", "freeformTags"),
            // secretId is not a credential but where it is kept: a secret of another vault (a parent company's) hands
            // the admin password to whoever holds that vault, so ENC-GOV-023 holds it to a secret of this stack
            // (an isolation setting: IsolationSettings).
            new Inert("credentials, kept secret and judged as such (ENC-GOV-050)", "adminPassword", "secretVersionNumber"),
            new Inert("names, workload, versions and character sets: what the database is, not who reaches it",
                "dbName", "dbWorkload", "dbVersion", "characterSet", "ncharacterSet"),
            new Inert("compute, storage and licensing: how big the database is and how it is billed",
                "computeModel", "computeCount", "cpuCoreCount", "ocpuCount", "maxCpuCoreCount", "byolComputeCountLimit", "inMemoryPercentage",
                "dataStorageSizeInTbs", "dataStorageSizeInGb", "licenseModel", "databaseEdition", "isAutoScalingEnabled",
                "isAutoScalingForStorageEnabled", "isShrinkOnly", "shrinkAdbTrigger", "state"),
            new Inert("how long backups are kept and whether that is locked: longer only keeps more (ENC-DB-090 pins long-term backups)",
                "backupRetentionPeriodInDays", "isBackupRetentionLocked"),
            new Inert("the endpoint's label and address inside its judged subnet", "privateEndpointLabel", "privateEndpointIp"),
            new Inert("maintenance, upgrades and scheduled start/stop: when Oracle works on the database",
                "autonomousMaintenanceScheduleType", "autonomousDatabaseMaintenanceWindow", "isPreviewVersionWithServiceTermsAccepted",
                "isDisableDbVersionUpgradeSchedule", "isScheduleDbVersionUpgradeToEarliest", "timeScheduledDbVersionUpgrade",
                "timeMaintenancePauseUntil", "enableDeleteScheduledOperations", "autonomousDatabaseMaintenanceWindow.dayOfWeek.name",
                "autonomousDatabaseMaintenanceWindow.maintenanceStartTime", "autonomousDatabaseMaintenanceWindow.maintenanceEndTime",
                "scheduledOperations.dayOfWeek.name", "scheduledOperations.scheduledStartTime", "scheduledOperations.scheduledStopTime"),
            new Inert("rotating to a new version of the judged key (ENC-DB-003 reads which key)", "rotateKeyTrigger", "keyVersionId"),
            new Inert("standby settings: where standbys go is judged (ENC-REG-002 reads source, peers and regions)",
                "isLocalDataGuardEnabled", "isDataGuardEnabled", "localAdgAutoFailoverMaxDataLossLimit", "remoteDisasterRecoveryType",
                "disasterRecoveryType", "isReplicateAutomaticBackups", "isDisconnectPeer", "switchoverTo"),
            new Inert("settings of a clone or refreshable clone, whose source ENC-DB-070 and ENC-REG-002 judge",
                "cloneType", "timestamp", "useLatestAvailableBackupTimeStamp", "autoRefreshFrequencyInSeconds",
                "autoRefreshPointLagInSeconds", "timeOfAutoRefreshStart")],
            // The key of an OCI vault only: an AWS, Azure, Google or Oracle Key Vault key is one no rule reads.
            [new Fixed("a key of OCI Vault, as the program names it: another provider's key manager holds the key outside the enclave",
                Pin.UnsetOr("encryptionKey.autonomousDatabaseProvider", "OCI"))],
            [new JudgedBy("ENC-DB-003", "encryptionKey.kmsKeyId", "encryptionKey.vaultId"), new JudgedBy("ENC-DB-005", "customerContacts.email"),
                new JudgedBy("ENC-DB-070", "dbToolsDetails", "transportableTablespace") { Whole = true },
                new JudgedBy("ENC-DB-090", "longTermBackupSchedules") { Whole = true }, new JudgedBy("ENC-DB-052", "vanityUrlDetails") { Whole = true }]),
        new(OciTypes.AutonomousDatabaseBackup, [Labels("displayName"),
            new Inert("which database is backed up (a reference the gate keeps in the stack) and for how long: a longer backup only keeps more",
                "autonomousDatabaseId", "isLongTermBackup", "retentionPeriodInDays")],
            // Retention hardening only: each value keeps the backup at least as long as Oracle's default does. The
            // destination's id, proxy and appliance credentials stay undeclared: a store outside the database service.
            [new Fixed("what happens to the backup when the database is terminated: kept for its retention window, or Oracle's default of 72 hours; never a value that keeps it shorter",
                Pin.UnsetOr("backupDestinationDetails.backupRetentionPolicyOnTerminate", "RETAIN_PER_RETENTION_WINDOW", "RETAIN_FOR_72_HOURS")),
             new Fixed("a retention lock only keeps the backup from early deletion; unlocked is Oracle's default",
                new Pin("backupDestinationDetails.isRetentionLockEnabled", "unset, true or false", static v => v.IsNull || v.AsBool() is not null))],
            [new JudgedBy("ENC-REG-002", "backupDestinationDetails.type", "backupDestinationDetails.isRemote", "backupDestinationDetails.remoteRegion")]),
        new(OciTypes.Bucket, [Labels("definedTags", "freeformTags"),
            new Inert("object metadata: free-form labels on how objects are stored, not who reads them", "metadata") { AnyField = true },
            new Inert("the storage tier and the bucket-key cache: how objects are stored, not who reads them", "storageTier", "isBucketKeyEnabled"),
            new Inert("the bucket's endpoint scope within its region", "bucketScope"),
            new Inert("a retention rule's name labels a rule whose duration and lock are judged", "retentionRules.displayName")], [],
            [Namespace, new JudgedBy("ENC-STO-006", "retentionRules.duration.timeAmount", "retentionRules.duration.timeUnit", "retentionRules.timeRuleLocked")]),
        new(OciTypes.ReplicationPolicy, [new Inert("the replication policy's name: which copy it is, not where it goes (destination judged)", "name")], [], [Namespace]),
        new(OciTypes.ObjectLifecyclePolicy, [new Inert("a lifecycle rule's name labels a rule whose action, target and timing are judged", "rules.name")], [],
            [Namespace, new JudgedBy("ENC-STO-070", "rules.action", "rules.isEnabled", "rules.target", "rules.timeAmount", "rules.timeUnit",
                "rules.objectNameFilter.inclusionPrefixes", "rules.objectNameFilter.inclusionPatterns", "rules.objectNameFilter.exclusionPatterns")]),
        new(OciTypes.Preauthrequest, [new Inert("the request's name: a label of a request whose access is judged (ENC-STO-005 refuses every one)", "name")], [], [Namespace]),
        new(OciTypes.Vault, [Labels("displayName", "definedTags", "freeformTags"), RestoredObject], [],
            [RestoredFrom, new JudgedBy("ENC-KMS-003", "externalKeyManagerMetadata") { Whole = true }]),
        // Rotation's interval only: a schedule start years ahead would postpone every rotation, which no rule reads.
        new(OciTypes.Key, [Labels("displayName", "definedTags", "freeformTags"),
            new Inert("the curve of an elliptic-curve key, which ENC-KMS-092 refuses by its algorithm", "keyShape.curveId"),
            RestoredObject], [],
            [RestoredFrom, new JudgedBy("ENC-KMS-006", "externalKeyReference") { Whole = true }, new JudgedBy("ENC-KMS-001", "autoKeyRotationDetails.rotationIntervalInDays"),
                new JudgedBy("ENC-KMS-092", "keyShape.algorithm", "keyShape.length")]),
        new(OciTypes.KeyVersion, new Inert("the key whose new version this is; the key and its vault are judged (ENC-KMS-051)", "keyId")),
        new(OciTypes.VaultVerification, new Inert("the vault being replicated; where to is judged (replicaRegion)", "vaultId")),
        new(OciTypes.VaultSecret, [Labels("description", "definedTags", "freeformTags"),
            new Inert("the secret's content: a credential kept secret (ENC-GOV-050), never an isolation setting", "secretContent") { AnyField = true },
            new Inert("when the secret rotates: how often, not where it goes (the target is judged)",
                "rotationConfig.rotationInterval", "rotationConfig.isScheduledRotationEnabled")], [],
            [new JudgedBy("ENC-KMS-050", "replicationConfig.replicationTargets.targetVaultId", "replicationConfig.replicationTargets.targetKeyId",
                "replicationConfig.replicationTargets.targetRegion", "rotationConfig.targetSystemDetails.targetSystemType",
                "rotationConfig.targetSystemDetails.adbId", "rotationConfig.targetSystemDetails.functionId")]),
    ];

    /// <summary>Where restored key material comes from: a bucket of the stack (ENC-KMS-006 reads destination, namespace, bucket, object).</summary>
    private static JudgedBy RestoredFrom => new("ENC-KMS-006", "restoreFromObjectStore.destination", "restoreFromObjectStore.namespace",
        "restoreFromObjectStore.bucket");

    /// <summary>Which object of that bucket holds the backup: the bucket is judged to be the stack's, in its namespace.</summary>
    private static Inert RestoredObject => new(
        "which object of the judged bucket holds the backup: a bucket of this stack in its namespace (ENC-KMS-006), whose writers IAM judges",
        "restoreFromObjectStore.object");
}
