using System.Collections.Immutable;

namespace Enclave.Components.Oversight;

/// <summary>One notification beyond CIS: event types that reveal a way out of the enclave or a blinding of its oversight.</summary>
public sealed record ThreatEventRule(string Slug, string Threat, EventRuleRegions Regions, ImmutableArray<string> EventTypes);

/// <summary>
/// Event rules for the threats of this enclave that CIS OCI v3.0 does not cover. Event types are
/// <c>com.oraclecloud.&lt;service&gt;.&lt;api operation, lower case&gt;</c>, the convention of the CIS types; the gate checks
/// the same list (rule ENC-LOG-020) and a test keeps both in step.
/// </summary>
public static class ThreatEventRules
{
    private const string Vnet = "com.oraclecloud.virtualnetwork.";
    private const string Identity = "com.oraclecloud.identitycontrolplane.";
    private const string Kms = "com.oraclecloud.keymanagementservice.";
    private const string Db = "com.oraclecloud.databaseservice.";
    private const string Os = "com.oraclecloud.objectstorage.";

    private static ImmutableArray<string> Each(string prefix, params string[] names) => [.. names.Select(n => prefix + n)];

    public static readonly ImmutableArray<ThreatEventRule> All =
    [
        new("par-and-bucket-changes", "a pre-authenticated request (a bearer URL past IAM and the network) or a bucket change",
            EventRuleRegions.EveryEnclaveRegion,
            Each(Os, "createpreauthenticatedrequest", "createbucket", "updatebucket", "deletebucket")),
        new("remote-peering", "a remote peering to another region or tenancy", EventRuleRegions.EveryEnclaveRegion,
            Each(Vnet, "createremotepeeringconnection", "connectremotepeeringconnections", "updateremotepeeringconnection",
                "deleteremotepeeringconnection")),
        new("drg-routing", "a DRG route table change (where attached networks may reach)", EventRuleRegions.EveryEnclaveRegion,
            Each(Vnet, "createdrgroutetable", "updatedrgroutetable", "deletedrgroutetable", "createdrgattachment",
                "updatedrgattachment")),
        new("on-prem-links", "an IPSec tunnel, customer-premises equipment or FastConnect virtual circuit",
            EventRuleRegions.EveryEnclaveRegion,
            Each(Vnet, "createipsecconnection", "updateipsecconnection", "deleteipsecconnection", "createcpe", "updatecpe",
                "deletecpe", "createvirtualcircuit", "updatevirtualcircuit", "deletevirtualcircuit")),
        new("vault-and-key-lifecycle", "a key or vault disabled, scheduled for deletion or replicated",
            EventRuleRegions.EveryEnclaveRegion,
            Each(Kms, "disablekey", "schedulekeydeletion", "schedulevaultdeletion", "createvaultreplica", "deletevaultreplica")),
        new("database-security", "a database access-list, mTLS or endpoint change, a clone, refreshable clone or DR copy, a wallet",
            EventRuleRegions.EveryEnclaveRegion,
            Each(Db, "updateautonomousdatabase", "createautonomousdatabase", "generateautonomousdatabasewallet",
                "deleteautonomousdatabase")),
        new("credential-creation", "an API key, auth token, customer secret key or SMTP credential", EventRuleRegions.HomeOnly,
            Each(Identity, "uploadapikey", "createauthtoken", "createcustomersecretkey", "createsmtpcredential")),
        new("network-source-changes", "a network source change (who counts as a gatekeeper or auditor network)",
            EventRuleRegions.HomeOnly,
            Each(Identity, "createnetworksource", "updatenetworksource", "deletenetworksource")),
    ];
}
