using System.Collections.Immutable;
using static Enclave.Alerts.EventTypes;

namespace Enclave.Alerts;

/// <summary>
/// Event rules for the threats of this enclave that CIS OCI v3.0 does not cover: a way out of the enclave or a
/// blinding of its oversight. Each type is one Oracle's Events service emits (its event type reference); an operation
/// that emits no event (a PAR, a remote peering, an IPSec, CPE or FastConnect change, a DRG route table) is alerted on
/// from the audit log instead (<see cref="AuditAlerts"/>). Long-running operations are listed by their <c>.begin</c>
/// event, so a failed attempt is seen too.
/// </summary>
public static class ThreatEventAlerts
{
    private const string Identity = "com.oraclecloud.identitycontrolplane.";
    private const string Kms = "com.oraclecloud.keymanagementservice.";
    private const string Db = "com.oraclecloud.databaseservice.";
    private const string DataSafe = "com.oraclecloud.datasafe.";

    public static readonly ImmutableArray<EventAlert> All =
    [
        new("bucket-changes", "a bucket created, changed (visibility, key, versioning, replication) or deleted",
            AlertRegions.EveryEnclaveRegion,
            [.. Each("com.oraclecloud.objectstorage.", "createbucket", "updatebucket", "deletebucket")]),
        // The replica types are the only mixed-case ones: Oracle's "Events for Vaults and Keys" spells them so.
        new("vault-and-key-lifecycle",
            "a key or vault disabled, scheduled for deletion, moved, backed up (its material leaves as a file) or replicated",
            AlertRegions.EveryEnclaveRegion,
        [
            .. Each(Kms, "disablekey.begin", "schedulekeydeletion.begin", "schedulekeyversiondeletion.begin",
                "schedulevaultdeletion.begin", "changekeycompartment.begin", "changevaultcompartment.begin", "backupkey.begin",
                "backupvault.begin"),
            "com.oraclecloud.KeyManagementService.CreateVaultReplica.begin",
            "com.oraclecloud.KeyManagementService.DeleteVaultReplica.begin",
        ]),
        // A clone, a refreshable clone and a cross-region standby are all created as a new Autonomous Database; the update
        // types cover access lists, mTLS and the private endpoint.
        new("database-security",
            "a database access-list, mTLS or endpoint change, a clone, refreshable clone or Data Guard copy, a wallet, a move or deletion, a Data Safe deregistration",
            AlertRegions.EveryEnclaveRegion,
            [.. Each(Db, "updateautonomousdatabase.begin", "updateautonomousdatabaseacl.begin",
                "autonomous.database.instance.create.begin", "generateautonomousdatabasewallet", "deleteautonomousdatabase.begin",
                "changeautonomousdatabasecompartment.begin", "enableautonomousdataguard.begin",
                "disconnectrefreshableautonomousdatabaseclonefromsource.begin", "deregisterautonomousdatabasedatasafe.begin")]),
        new("database-audit-trail", "the database audit trail stopped, changed, its retention shortened or its target removed",
            AlertRegions.EveryEnclaveRegion,
            [.. Each(DataSafe, "stopaudittrail.begin", "updateaudittrail.begin", "changeretention.begin", "updateauditprofile.begin",
                "deleteauditprofile.begin", "deletetargetdatabase.begin", "deregisterdatasafetarget.begin")]),
        new("alert-plumbing", "a notification topic or subscription deleted (the gatekeepers stop hearing)",
            AlertRegions.EveryEnclaveRegion,
            [.. Each("com.oraclecloud.notification.", "deletetopic", "deletesubscription")]),
        new("credential-creation", "an API key, auth token, customer secret key, SMTP, OAuth client or Swift credential",
            AlertRegions.HomeOnly,
            [.. Each(Identity, "uploadapikey", "createauthtoken", "createcustomersecretkey", "createsmtpcredential",
                "createoauthclientcredential", "createswiftpassword")]),
        new("sign-on-hygiene", "an MFA device removed or the password policy changed", AlertRegions.HomeOnly,
            [.. Each(Identity, "deletemfatotpdevice", "updateauthenticationpolicy")]),
        new("network-source-changes", "a network source change (who counts as a gatekeeper or auditor network)",
            AlertRegions.HomeOnly,
            [.. Each(Identity, "createnetworksource", "updatenetworksource", "deletenetworksource")]),
        new("dynamic-group-changes", "a dynamic group change (which resources act as principals)", AlertRegions.HomeOnly,
            [.. Each(Identity, "createdynamicgroup", "updatedynamicgroup", "deletedynamicgroup")]),
        new("compartment-moves", "a compartment moved (under a parent whose policies reach it) or deleted", AlertRegions.HomeOnly,
            [.. Each("com.oraclecloud.compartments.", "movecompartment", "deletecompartment")]),
    ];
}
