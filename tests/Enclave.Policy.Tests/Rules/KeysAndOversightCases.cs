using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>Issue 10.5: single changes to the compliant enclave's keys, data copies and oversight, and the finding each must produce.</summary>
public static class KeysAndOversightCases
{
    private static object Retention(string amount, string unit, string? locked) =>
        new[] { new { displayName = "lock", duration = new { timeAmount = amount, timeUnit = unit }, timeRuleLocked = locked } };

    private static void Backup(GraphBuilder g, object details) =>
        g.Add(OciTypes.AutonomousDatabaseBackup, "backup", new { autonomousDatabaseId = Ref("adb"), displayName = "b", backupDestinationDetails = details });

    private static void Clone(GraphBuilder g, object sourceId, string source = "DATABASE") =>
        g.Add(OciTypes.AutonomousDatabase, "clone", new
        {
            compartmentId = Ref("enclave"), dbName = "clone", source, sourceId, cloneType = "FULL", subnetId = Ref("data"),
            isMtlsConnectionRequired = true, kmsKeyId = Ref("key"), vaultId = Ref("vault"), adminPassword = Secret,
        });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-KMS-003", "vault of type DEFAULT", "vault", g => g.With("vault", "vaultType", "DEFAULT")),
        new("ENC-KMS-003", "vault backed by an external key manager", "vault", g => g.With("vault", "externalKeyManagerMetadata",
            new { externalVaultEndpointUrl = "https://ekm.elsewhere.example", privateEndpointId = "ocid1.ekmsprivateendpoint.oc1.iad.x", oauthMetadata = new { clientAppId = "a", clientAppSecret = Secret, idcsAccountNameUrl = "https://idcs.example" } })),
        new("ENC-KMS-004", "software-protected key", "key", g => g.With("key", "protectionMode", "SOFTWARE")),
        new("ENC-KMS-004", "external key", "key", g => g.With("key", "protectionMode", "EXTERNAL")),
        new("ENC-KMS-004", "protection mode left to the default", "key", g => g.With("key", "protectionMode", null)),
        new("ENC-KMS-005", "key scheduled for deletion", "key", g => g.With("key", "timeOfDeletion", "2026-07-01T00:00:00Z")),
        new("ENC-KMS-005", "key disabled", "key", g => g.With("key", "desiredState", "DISABLED")),
        new("ENC-KMS-005", "vault scheduled for deletion", "vault", g => g.With("vault", "timeOfDeletion", "2026-07-01T00:00:00Z")),
        new("ENC-KMS-005", "key version scheduled for deletion", "key-version", g =>
            g.Add(OciTypes.KeyVersion, "key-version", new { keyId = Ref("key"), managementEndpoint = "out:vault:managementEndpoint", timeOfDeletion = "2026-07-01T00:00:00Z" })),
        new("ENC-KMS-006", "key held in an external key manager", "key", g => g.With("key", "externalKeyReference", new { externalKeyId = "ekm-key-1" })),
        new("ENC-KMS-006", "key restored from a file", "key", g => g.With("key", "restoreFromFile",
            new { contentLength = "1024", restoreKeyFromFileDetails = "backup-bytes" })),
        new("ENC-KMS-006", "key restored from another namespace's bucket", "key", g => g.With("key", "restoreFromObjectStore",
            new { destination = "BUCKET", @namespace = "parentcons", bucket = "key-backups", @object = "key.bak" })),
        new("ENC-KMS-006", "key restored from a bucket outside the stack", "key", g => g.With("key", "restoreFromObjectStore",
            new { destination = "BUCKET", @namespace = "enclavens", bucket = "someone-elses", @object = "key.bak" })),
        new("ENC-KMS-006", "vault restored through another namespace's pre-authenticated URI", "vault", g => g.With("vault", "restoreFromObjectStore",
            new { destination = "PRE_AUTHENTICATED_REQUEST_URI", uri = "https://objectstorage.us-ashburn-1.oraclecloud.com/p/tok/n/parentcons/b/bk/o/vault.bak" })),
        new("ENC-KMS-006", "external key version", "key-version", g =>
            g.Add(OciTypes.KeyVersion, "key-version", new { keyId = Ref("key"), managementEndpoint = "out:vault:managementEndpoint", externalKeyVersionId = "ekm-v2" })),
        new("ENC-REG-002", "database backup to a remote region off the list", "backup", g =>
            Backup(g, new { type = "LOCAL", isRemote = true, remoteRegion = "eu-frankfurt-1" })),
        new("ENC-REG-002", "database backup to an object store", "backup", g =>
            Backup(g, new { type = "OBJECT_STORE", id = "ocid1.backupdestination.oc1.iad.x" })),
        new("ENC-REG-002", "database backup to AWS S3", "backup", g => Backup(g, new { type = "AWS_S3", internetProxy = "http://proxy.example" })),
        new("ENC-REG-002", "clone of a database in Frankfurt", "clone", g => Clone(g, "ocid1.autonomousdatabase.oc1.fra.source")),
        new("ENC-REG-002", "refreshable clone in Frankfurt", "clone", g =>
        {
            Clone(g, Ref("adb"), "CLONE_TO_REFRESHABLE");
            g.Add(OciTypes.Provider, "frankfurt", new { region = "eu-frankfurt-1", version = "4.20.0" });
            g["clone"].Provider = "frankfurt";
        }),
        new("ENC-REG-002", "replication into a bucket outside the stack", "replica", g => g.Add(OciTypes.ReplicationPolicy, "replica",
            new { bucket = NameOf("data-bucket"), @namespace = "enclavens", destinationBucketName = "copy", destinationRegionName = "us-ashburn-1", name = "r" })),
        new("ENC-REG-002", "vault replicated to Frankfurt", "vault-replica", g =>
            g.Add(OciTypes.VaultVerification, "vault-replica", new { vaultId = Ref("vault"), replicaRegion = "eu-frankfurt-1" })),
        new("ENC-STO-006", "archive retention rule removed", "archive", g => g.With("archive", "retentionRules", Array.Empty<object>())),
        new("ENC-STO-006", "archive retention shortened to 30 days", "archive", g => g.With("archive", "retentionRules", Retention("30", "DAYS", "2026-05-01T00:00:00Z"))),
        new("ENC-STO-006", "archive retention unlocked", "archive", g => g.With("archive", "retentionRules", Retention("365", "DAYS", null))),
        new("ENC-STO-006", "archive lock postponed by years", "archive", g => g.With("archive", "retentionRules", Retention("365", "DAYS", "2099-01-01T00:00:00Z"))),
        new("ENC-STO-006", "lifecycle policy deleting from the archive", "archive", g => g.Add(OciTypes.ObjectLifecyclePolicy, "expire", new
        {
            bucket = NameOf("archive"), @namespace = "enclavens",
            rules = new[] { new { name = "expire", action = "DELETE", isEnabled = true, timeAmount = "30", timeUnit = "DAYS" } },
        })),
        new("ENC-LOG-006", "connector task dropping events", "archive-connector", g => g.With("archive-connector", "tasks",
            new[] { new { kind = "logRule", condition = "data.identity.tenantId != 'ocid1.tenancy.oc1..parenttenancy'" } })),
        new("ENC-LOG-006", "connector function rewriting events", "archive-connector", g => g.With("archive-connector", "tasks",
            new[] { new { kind = "function", functionId = "ocid1.fnfunc.oc1.iad.scrub" } })),
        new("ENC-LOG-007", "alerts to a webhook", "topic-mail", g =>
        {
            g.With("topic-mail", "protocol", "CUSTOM_HTTPS");
            g.With("topic-mail", "endpoint", "https://hooks.elsewhere.example/enclave");
        }),
        new("ENC-LOG-007", "alerts to an address that is not a gatekeeper's", "topic-mail", g => g.With("topic-mail", "endpoint", "ops@elsewhere.example")),
        new("ENC-LOG-007", "event rule streaming events out", "cis-events", g => g.With("cis-events", "actions",
            new { action = new object[] { new { actionType = "ONS", isEnabled = true, topicId = Ref("topic") }, new { actionType = "OSS", isEnabled = true, streamId = "ocid1.stream.oc1.iad.out" } } })),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-KMS-003", "vault type unknown", "vault", g => g.With("vault", "vaultType", Unknown)),
        new("ENC-KMS-004", "protection mode unknown", "key", g => g.With("key", "protectionMode", Unknown)),
        new("ENC-KMS-005", "deletion time unknown", "key", g => g.With("key", "timeOfDeletion", Unknown)),
        new("ENC-KMS-006", "restore source unknown", "key", g => g.With("key", "restoreFromObjectStore", Unknown)),
        new("ENC-REG-002", "backup destination unknown", "backup", g => Backup(g, Unknown)),
        new("ENC-STO-006", "archive retention unknown", "archive", g => g.With("archive", "retentionRules", Unknown)),
        new("ENC-LOG-006", "connector tasks unknown", "archive-connector", g => g.With("archive-connector", "tasks", Unknown)),
        new("ENC-LOG-007", "subscription endpoint a secret", "topic-mail", g => g.With("topic-mail", "endpoint", Secret)),
    ];
}
