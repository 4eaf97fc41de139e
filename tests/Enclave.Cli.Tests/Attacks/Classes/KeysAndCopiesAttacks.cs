using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Issue 10.5, keys and residency: vaults and keys that someone else holds or that stop working, and copies of the data
/// (backups, clones, replicas) that leave the allowed regions or the enclave's own buckets.
/// </summary>
public sealed class KeysAndCopiesAttacks : AttackClass
{
    private const string KeyVersion = "oci:Kms/keyVersion:KeyVersion";
    private const string Backup = "oci:Database/autonomousDatabaseBackup:AutonomousDatabaseBackup";
    private const string Database = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string Replication = "oci:ObjectStorage/replicationPolicy:ReplicationPolicy";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("vault switched to a shared DEFAULT vault", "ENC-KMS-003", p => p.Resource("keys-vault").Set("vaultType", "DEFAULT"));
        yield return Attack("vault backed by an external key manager", "ENC-KMS-003", p => p.Resource("keys-vault").Set("externalKeyManagerMetadata", new JsonObject
        {
            ["externalVaultEndpointUrl"] = "https://ekm.partner.example", ["privateEndpointId"] = "ocid1.ekmsprivateendpoint.oc1.iad.aaaa",
            ["oauthMetadata"] = new JsonObject { ["clientAppId"] = "app", ["idcsAccountNameUrl"] = "https://idcs.partner.example" },
        }));
        yield return Attack("database key downgraded to SOFTWARE protection", "ENC-KMS-004",
            p => p.Resource("keys-database-key").Set("protectionMode", "SOFTWARE"));
        yield return Attack("logs key moved to an EXTERNAL key manager", "ENC-KMS-004",
            p => p.Resource("keys-logs-key").Set("protectionMode", "EXTERNAL"));
        yield return Attack("database key scheduled for deletion", "ENC-KMS-005",
            p => p.Resource("keys-database-key").Set("timeOfDeletion", "2026-12-24T00:00:00Z"));
        yield return Attack("buckets key disabled", "ENC-KMS-005", p => p.Resource("keys-buckets-key").Set("desiredState", "DISABLED"));
        yield return Attack("vault scheduled for deletion", "ENC-KMS-005", p => p.Resource("keys-vault").Set("timeOfDeletion", "2026-12-24T00:00:00Z"));
        yield return Attack("a key version of the database key scheduled for deletion", "ENC-KMS-005", p =>
        {
            var key = p.Resource("keys-database-key");
            return p.Add(KeyVersion, "keys-database-key-v2", new JsonObject
            {
                ["keyId"] = key.Id(), ["managementEndpoint"] = key.Inputs["managementEndpoint"]!.DeepClone(), ["timeOfDeletion"] = "2026-12-24T00:00:00Z",
            }, sibling: "keys-database-key").DependsOn("keyId", key);
        });
        yield return Attack("database key held in an external key manager", "ENC-KMS-006",
            p => p.Resource("keys-database-key").Set("externalKeyReference", new JsonObject { ["externalKeyId"] = "ekm-key-7" }));
        yield return Attack("buckets key restored from another tenancy's bucket", "ENC-KMS-006", p => p.Resource("keys-buckets-key").Set("restoreFromObjectStore", new JsonObject
        {
            ["destination"] = "BUCKET", ["namespace"] = "partnerns", ["bucket"] = "key-backups", ["object"] = "buckets-key.bak",
        }));
        yield return Attack("vault restored through another namespace's pre-authenticated URI", "ENC-KMS-006", p => p.Resource("keys-vault").Set("restoreFromObjectStore", new JsonObject
        {
            ["destination"] = "PRE_AUTHENTICATED_REQUEST_URI",
            ["uri"] = "https://objectstorage.us-ashburn-1.oraclecloud.com/p/AbCdTokenXyz/n/partnerns/b/vault-backups/o/vault.bak",
        }));
        yield return Attack("database backups copied to Frankfurt", "ENC-REG-002", p => AddBackup(p, new JsonObject
        {
            ["type"] = "LOCAL", ["isRemote"] = true, ["remoteRegion"] = "eu-frankfurt-1",
        }));
        yield return Attack("database backups written to an AWS S3 destination", "ENC-REG-002", p => AddBackup(p, new JsonObject
        {
            ["type"] = "AWS_S3", ["id"] = "ocid1.backupdestination.oc1.iad.aaaa", ["internetProxy"] = "http://proxy.partner.example:8080",
        }));
        yield return Attack("a clone of a database in Frankfurt", "ENC-REG-002", p => AddClone(p, "DATABASE",
            "ocid1.autonomousdatabase.oc1.fra.aaaaaaaaexamplefrankfurtdb"));
        yield return Attack("a refreshable clone of a database in Frankfurt", "ENC-REG-002", p => AddClone(p, "CLONE_TO_REFRESHABLE",
            "ocid1.autonomousdatabase.oc1.fra.aaaaaaaaexamplefrankfurtdb"));
        yield return Attack("user data replicated into a bucket outside the stack", "ENC-REG-002", p => p.Add(Replication, "storage-user-data-replica", new JsonObject
        {
            ["bucket"] = "usde-prod-user-data", ["namespace"] = p.Resource("storage-user-data").Inputs["namespace"]!.DeepClone(),
            ["destinationBucketName"] = "analytics-share", ["destinationRegionName"] = "us-phoenix-1", ["name"] = "to-analytics",
        }, sibling: "storage-user-data"));
        yield return Attack("vault replica moved to Frankfurt", "ENC-REG-002", p => p.Resource("keys-vault-replica").Set("replicaRegion", "eu-frankfurt-1"));
    }

    private static string AddBackup(Prod p, JsonObject destination)
    {
        var db = p.Resource("database-adb", Database);
        return p.Add(Backup, "database-adb-backup", new JsonObject
        {
            ["autonomousDatabaseId"] = db.Id(), ["displayName"] = "long-term", ["isLongTermBackup"] = true, ["retentionPeriodInDays"] = 365,
            ["backupDestinationDetails"] = destination,
        }, sibling: "database-adb").DependsOn("autonomousDatabaseId", db).Urn;
    }

    private static string AddClone(Prod p, string source, string sourceId)
    {
        var primary = (JsonObject)p.Resource("database-adb", Database).Inputs.DeepClone();
        primary["dbName"] = "usdeclone";
        primary["displayName"] = "usde-prod-clone";
        primary["source"] = source;
        primary["sourceId"] = sourceId;
        primary["cloneType"] = "FULL";
        primary.Remove("isLocalDataGuardEnabled");
        return p.Add(Database, "database-clone", primary, sibling: "database-adb").Urn;
    }
}
