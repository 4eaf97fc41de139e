using System.Collections.Frozen;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// The inputs the isolation rules read to decide who and what may reach the enclave's data: policy statements,
/// matching rules, CIDRs and source lists, regions, access types, connector sources and targets, route and security
/// rules, ports, keys, retention. One declared list, per type token (<see cref="AnyOciType"/> for inputs every OCI
/// resource has). ENC-GOV-006 fails any of them that is a secret, because a secret is a value no rule can read; the
/// policy tests check that the list covers every input whose secrecy changes a mandatory rule's verdict on prod, so
/// a rule that starts reading a new input has to declare it here.
/// </summary>
public static class IsolationSettings
{
    /// <summary>Inputs read on every OCI resource.</summary>
    public const string AnyOciType = "oci:*";

    private static readonly (string Type, string[] Keys)[] Declared =
    [
        (AnyOciType, ["compartmentId"]),
        (OciTypes.Provider, ["region", "tenancyOcid"]),
        (OciTypes.Policy, ["statements", "compartmentId"]),
        ("oci:Identity/dynamicGroup:DynamicGroup", ["matchingRule", "name"]),
        ("oci:Kms/vaultVerification:VaultVerification", ["replicaRegion"]),
        ("oci:Identity/networkSource:NetworkSource", ["name", "publicSourceLists", "virtualSourceLists", "services"]),
        (OciTypes.Compartment, ["name"]),
        (OciTypes.Group, ["name"]),
        (OciTypes.AuthenticationPolicy, ["passwordPolicy", "networkPolicy"]),
        (OciTypes.DomainReplicationToRegion, ["replicaRegion"]),
        (OciTypes.Vcn, ["cidrBlock", "cidrBlocks", "ipv6privateCidrBlocks"]),
        (OciTypes.Subnet, ["cidrBlock", "vcnId", "routeTableId", "securityListIds", "prohibitInternetIngress", "prohibitPublicIpOnVnic"]),
        (OciTypes.RouteTable, ["routeRules", "vcnId"]),
        (OciTypes.DefaultRouteTable, ["routeRules", "manageDefaultResourceId"]),
        (OciTypes.RouteTableAttachment, ["routeTableId", "subnetId"]),
        (OciTypes.SecurityList, ["ingressSecurityRules", "egressSecurityRules", "vcnId"]),
        (OciTypes.DefaultSecurityList, ["ingressSecurityRules", "egressSecurityRules", "manageDefaultResourceId"]),
        (OciTypes.NetworkSecurityGroup, ["vcnId"]),
        (OciTypes.NsgRule, ["direction", "source", "sourceType", "destination", "destinationType", "protocol",
            "tcpOptions", "udpOptions", "icmpOptions", "networkSecurityGroupId"]),
        (OciTypes.InternetGateway, ["enabled", "vcnId"]),
        (OciTypes.NatGateway, ["blockTraffic", "vcnId"]),
        (OciTypes.ServiceGateway, ["services", "vcnId", "routeTableId"]),
        (OciTypes.Drg, []),
        (OciTypes.DrgAttachment, ["drgId", "vcnId", "networkDetails", "routeTableId"]),
        (OciTypes.RemotePeeringConnection, ["peerId", "peerRegionName", "drgId"]),
        (OciTypes.LocalPeeringGateway, ["peerId", "vcnId", "routeTableId"]),
        (OciTypes.Ipsec, ["cpeId", "drgId", "staticRoutes"]),
        (OciTypes.Cpe, ["ipAddress"]),
        (OciTypes.VirtualCircuit, ["gatewayId", "customerBgpPeeringIp", "crossConnectMappings", "publicPrefixes"]),
        (OciTypes.Bastion, ["clientCidrBlockAllowLists", "maxSessionTtlInSeconds", "targetSubnetId"]),
        (OciTypes.AutonomousDatabase, ["subnetId", "nsgIds", "whitelistedIps", "standbyWhitelistedIps", "isMtlsConnectionRequired",
            "kmsKeyId", "vaultId", "encryptionKey", "isFreeTier", "dataSafeStatus", "peerDbId", "source", "sourceId"]),
        (OciTypes.Vault, ["vaultType"]),
        (OciTypes.Key, ["isAutoRotationEnabled", "autoKeyRotationDetails", "protectionMode"]),
        (OciTypes.Bucket, ["accessType", "kmsKeyId", "versioning", "retentionRules", "name", "namespace", "replicationEnabled"]),
        (OciTypes.ReplicationPolicy, ["destinationRegionName", "destinationBucketName", "bucket"]),
        (OciTypes.Preauthrequest, ["accessType", "bucket", "objectName"]),
        (OciTypes.Log, ["configuration", "isEnabled", "logGroupId", "retentionDuration", "logType"]),
        (OciTypes.LogGroup, []),
        (OciTypes.Connector, ["source", "target", "tasks", "state"]),
        (OciTypes.AuditConfiguration, ["retentionPeriodDays"]),
        (OciTypes.CloudGuardConfiguration, ["status", "reportingRegion"]),
        (OciTypes.SecurityRecipe, ["securityPolicies"]),
        (OciTypes.SecurityZone, ["securityZoneRecipeId"]),
        (OciTypes.DetectorRecipe, ["detectorRules", "sourceDetectorRecipeId"]),
        (OciTypes.ResponderRecipe, ["responderRules", "sourceResponderRecipeId"]),
        ("oci:CloudGuard/target:Target", ["targetResourceId", "targetResourceType", "targetDetectorRecipes", "targetResponderRecipes", "state"]),
        ("oci:DataSafe/targetDatabase:TargetDatabase", ["connectionOption", "databaseDetails"]),
        ("oci:DataSafe/dataSafePrivateEndpoint:DataSafePrivateEndpoint", ["subnetId", "vcnId", "nsgIds"]),
        (OciTypes.EventRule, ["condition", "isEnabled", "actions"]),
        (OciTypes.NotificationTopic, []),
        (OciTypes.Subscription, ["topicId", "protocol", "endpoint"]),
        // The identity plane (ENC-IDN-*): who federates, which users, memberships and credentials exist.
        (OciTypes.IdentityProvider, ["name", "metadata", "metadataUrl"]),
        (OciTypes.IdpGroupMapping, ["identityProviderId", "groupId"]),
        (OciTypes.DomainsIdentityProvider, ["partnerName", "partnerProviderId", "metadata", "type", "jitUserProvEnabled",
            "jitUserProvAssignedGroups", "jitUserProvGroupMappings", "idcsEndpoint"]),
        (OciTypes.User, ["name", "email"]),
        (OciTypes.DomainsUser, ["userName", "emails", "x509certificates", "urnietfparamsscimschemasoracleidcsextensionkerberosUserUser",
            "urnietfparamsscimschemasoracleidcsextensionsocialAccountUser", "urnietfparamsscimschemasoracleidcsextensiondbCredentialsUser",
            "idcsEndpoint"]),
        (OciTypes.Domain, ["adminUserName", "adminEmail", "displayName", "homeRegion"]),
        (OciTypes.DomainsGroup, ["displayName", "members", "urnietfparamsscimschemasoracleidcsextensiongroupGroup", "idcsEndpoint"]),
        (OciTypes.UserGroupMembership, ["userId", "groupId"]),
        // Which tag a default stamps, and a tag's namespace: only the stack's own namespaces' tags (ENC-GOV-091).
        (OciTypes.TagDefault, ["tagDefinitionId"]),
        (OciTypes.Tag, ["tagNamespaceId"]),
        (OciTypes.ApiKey, ["userId"]),
        (OciTypes.AuthToken, ["userId"]),
        (OciTypes.CustomerSecretKey, ["userId"]),
        (OciTypes.SmtpCredential, ["userId"]),
        (OciTypes.DomainsApiKey, ["user", "idcsEndpoint"]),
        (OciTypes.DomainsAuthToken, ["user", "idcsEndpoint"]),
        (OciTypes.DomainsCustomerSecretKey, ["user", "idcsEndpoint"]),
        (OciTypes.DomainsSmtpCredential, ["user", "idcsEndpoint"]),
        // Keys, copies and oversight (ENC-KMS-003..006, ENC-REG-002, ENC-STO-006, ENC-LOG-006/007).
        (OciTypes.Vault, ["externalKeyManagerMetadata", "restoreFromObjectStore", "timeOfDeletion"]),
        (OciTypes.Key, ["externalKeyReference", "restoreFromObjectStore", "timeOfDeletion", "desiredState"]),
        (OciTypes.KeyVersion, ["externalKeyVersionId", "timeOfDeletion"]),
        (OciTypes.VaultVerification, ["replicaRegion"]),
        (OciTypes.AutonomousDatabase, ["autonomousDatabaseId", "autonomousDatabaseBackupId"]),
        (OciTypes.AutonomousDatabase, ["vanityUrlDetails", "switchoverToRemotePeerId"]),
        (OciTypes.AutonomousDatabaseBackup, ["backupDestinationDetails"]),
        (OciTypes.ObjectLifecyclePolicy, ["bucket", "rules"]),
        // Wiring judged by ENC-GOV-023: where the database admin secret is kept and what encrypts it.
        ("oci:Vault/secret:Secret", ["vaultId", "keyId", "secretName"]),
        (OciTypes.AutonomousDatabase, ["secretId"]),
        // Where a secret is copied and who rotates it (ENC-KMS-050); which vault holds a key (ENC-KMS-051).
        ("oci:Vault/secret:Secret", ["replicationConfig", "rotationConfig"]),
        (OciTypes.Key, ["managementEndpoint"]),
        (OciTypes.KeyVersion, ["managementEndpoint"]),
        // Address space, resolver, peering, bucket events and database flags (ENC-NET-071/072, ENC-STO-070, ENC-DB-070).
        (OciTypes.Vcn, ["isIpv6enabled", "byoipv6cidrDetails", "isOracleGuaAllocationEnabled"]),
        (OciTypes.Subnet, ["dhcpOptionsId", "ipv6cidrBlock", "ipv6cidrBlocks", "ipv4cidrBlocks"]),
        (OciTypes.DrgAttachment, ["drgRouteTableId", "exportDrgRouteDistributionId"]),
        (OciTypes.VirtualCircuit, ["type"]),
        (OciTypes.Bucket, ["objectEventsEnabled", "autoTiering"]),
        (OciTypes.AutonomousDatabase, ["isDevTier", "permissionLevel", "databaseManagementStatus", "operationsInsightsStatus", "dbToolsDetails",
            "isAccessControlEnabled", "isRefreshableClone", "refreshableMode", "transportableTablespace", "cloneTableSpaceLists"]),
        // Inputs no other rule reads that ENC-GOV-090 holds at the program's value (ClosedInputTables' Fixed entries).
        (OciTypes.Bastion, ["bastionType"]),
        (OciTypes.NsgRule, ["stateless"]),
        (OciTypes.CloudGuardConfiguration, ["selfManageResources"]),
        (OciTypes.DomainsGroup, ["urnietfparamsscimschemasoracleidcsextensiongroupGroup"]),
        // Object inputs ENC-GOV-090 reads field by field (ClosedShape): a secret one hides which fields it sets.
        (OciTypes.AutonomousDatabase, ["customerContacts"]),
        (OciTypes.Key, ["keyShape"]),
        // Standby access list, long-term backups and open mode (ENC-DB-090).
        (OciTypes.AutonomousDatabase, ["arePrimaryWhitelistedIpsUsed", "longTermBackupSchedules", "openMode"]),
    ];

    private static readonly FrozenDictionary<string, string[]> ByType = Declared
        .GroupBy(d => d.Type, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.SelectMany(d => d.Keys).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static readonly string[] Common = ByType[AnyOciType];

    /// <summary>Every declared (type, key), for documentation and tests.</summary>
    public static IEnumerable<(string Type, string Key)> All =>
        ByType.OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany(t => t.Value.Select(k => (t.Key, k)));

    // Per declared type, its own keys then the common ones (each once), read for every resource. Built with the type,
    // not on first use per type: a process-wide cache filled by whichever test first met a type would credit only that
    // test with this code under Stryker's per-test coverage (docs/testing.md); built here, it runs in a static
    // initializer, which Stryker tests against every test.
    private static readonly FrozenDictionary<string, string[]> Resolved = ByType
        .ToFrozenDictionary(t => t.Key, t => Resolve(t.Key), StringComparer.Ordinal);

    private static string[] Resolve(string type)
    {
        var own = ByType.GetValueOrDefault(type) ?? [];
        return OciTypes.IsOci(type) ? [.. own, .. Common.Where(k => Array.IndexOf(own, k) < 0)] : own;
    }

    /// <summary>The isolation-relevant top-level inputs of a resource of <paramref name="type"/> (each once).</summary>
    public static string[] KeysOf(string type) =>
        Resolved.GetValueOrDefault(type) ?? (OciTypes.IsOci(type) ? Common : []);

    /// <summary>
    /// The isolation settings a program writes as constants (or from stack config, which a preview knows): flags,
    /// access types, regions, CIDRs, ports, protocols, retention, and the names IAM statements match on. None holds a resource id and the cloud computes none
    /// of them, so unlike references (<c>subnetId</c>, <c>kmsKeyId</c>, a route target) they are never legitimately
    /// unknown in a preview: one that is was derived from another resource's output and can be anything at
    /// <c>pulumi up</c>. ENC-GOV-007 fails each one.
    /// </summary>
    private static readonly (string Type, string[] Keys)[] DeclaredLiterals =
    [
        (OciTypes.Provider, ["region"]),
        (OciTypes.Bucket, ["accessType", "versioning", "replicationEnabled", "objectEventsEnabled", "autoTiering", "retentionRules"]),
        (OciTypes.Preauthrequest, ["accessType"]),
        (OciTypes.AutonomousDatabase, ["isMtlsConnectionRequired", "isFreeTier", "dataSafeStatus", "isDevTier", "permissionLevel",
            "databaseManagementStatus", "operationsInsightsStatus", "isAccessControlEnabled", "isRefreshableClone",
            "arePrimaryWhitelistedIpsUsed", "openMode", "customerContacts"]),
        (OciTypes.Vcn, ["cidrBlock", "cidrBlocks", "isIpv6enabled"]),
        (OciTypes.Subnet, ["cidrBlock", "prohibitInternetIngress", "prohibitPublicIpOnVnic"]),
        (OciTypes.NsgRule, ["direction", "protocol", "sourceType", "destinationType", "tcpOptions", "udpOptions", "icmpOptions"]),
        (OciTypes.InternetGateway, ["enabled"]),
        (OciTypes.NatGateway, ["blockTraffic"]),
        (OciTypes.Bastion, ["clientCidrBlockAllowLists", "maxSessionTtlInSeconds"]),
        (OciTypes.Key, ["isAutoRotationEnabled", "protectionMode", "keyShape"]),
        (OciTypes.Vault, ["vaultType"]),
        (OciTypes.Log, ["isEnabled", "retentionDuration", "logType"]),
        (OciTypes.Connector, ["state", "tasks"]),
        (OciTypes.AuditConfiguration, ["retentionPeriodDays"]),
        (OciTypes.CloudGuardConfiguration, ["status", "reportingRegion"]),
        // Values that hold no resource id at all, so nothing the cloud computes (round 12): where alerts go (an address of
        // the stack config), what they match (an event condition, a connector's filter), who the database's contacts
        // are, a key's strength, the archive's retention, security-list rules (CIDRs, service labels, ports) and
        // lifecycle rules. Unknown in a preview, each was computed by the change and can be anything at `pulumi up`.
        (OciTypes.SecurityList, ["ingressSecurityRules", "egressSecurityRules"]),
        (OciTypes.DefaultSecurityList, ["ingressSecurityRules", "egressSecurityRules"]),
        (OciTypes.ObjectLifecyclePolicy, ["rules"]),
        (OciTypes.EventRule, ["isEnabled", "condition"]),
        (OciTypes.Subscription, ["protocol", "endpoint"]),
        (OciTypes.VaultVerification, ["replicaRegion"]),
        (OciTypes.DomainReplicationToRegion, ["replicaRegion"]),
        (OciTypes.ReplicationPolicy, ["destinationRegionName"]),
        (OciTypes.RemotePeeringConnection, ["peerRegionName"]),
        ("oci:Identity/networkSource:NetworkSource", ["publicSourceLists", "name"]),
        (OciTypes.AuthenticationPolicy, ["passwordPolicy"]),
        // Names statements and conditions match on (group, dynamic-group, user, network-source, tag names): a name is a
        // grant, so one computed from another resource's output hides which statements reach the resource (ENC-IAM-117
        // is the same for the statements themselves).
        (OciTypes.Group, ["name"]),
        (OciTypes.DomainsGroup, ["displayName"]),
        (OciTypes.DynamicGroup, ["name"]),
        (OciTypes.User, ["name"]),
        (OciTypes.DomainsUser, ["userName"]),
        (OciTypes.TagNamespace, ["name"]),
        (OciTypes.Tag, ["name"]),
    ];

    private static readonly FrozenDictionary<string, string[]> LiteralsByType = DeclaredLiterals
        .ToFrozenDictionary(d => d.Type, d => d.Keys, StringComparer.Ordinal);

    /// <summary>The literal isolation settings of a resource of <paramref name="type"/> (see <see cref="DeclaredLiterals"/>).</summary>
    public static string[] LiteralKeysOf(string type) => LiteralsByType.GetValueOrDefault(type) ?? [];

    /// <summary>Every declared literal (type, key), for documentation and tests.</summary>
    public static IEnumerable<(string Type, string Key)> AllLiterals =>
        DeclaredLiterals.OrderBy(d => d.Type, StringComparer.Ordinal).SelectMany(d => d.Keys.Select(k => (d.Type, k)));

    /// <summary>Is input <paramref name="path"/> (<c>key</c>, <c>key.sub</c> or <c>key[2].sub</c>) of a <paramref name="type"/> isolation-relevant?</summary>
    public static bool IsRelevant(string type, string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        var key = end < 0 ? path : path[..end];
        return KeysOf(type).Contains(key, StringComparer.Ordinal);
    }
}
