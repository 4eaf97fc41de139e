using System.Collections.Frozen;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Review.Plan;

/// <summary>
/// Which inputs of a resource a reviewer needs to see in a plan: the ones the isolation rules judge (network
/// ranges, public access, encryption, who is granted what). Types not listed show their name or display name.
/// </summary>
public static class KeyInputs
{
    private static readonly FrozenDictionary<string, string[]> ByType = new Dictionary<string, string[]>
    {
        ["pulumi:providers:oci"] = ["region"],
        ["oci:Identity/compartment:Compartment"] = ["name", "compartmentId", "enableDelete"],
        ["oci:Identity/group:Group"] = ["name"],
        ["oci:Identity/dynamicGroup:DynamicGroup"] = ["name", "matchingRule"],
        ["oci:Identity/policy:Policy"] = ["name", "compartmentId", "statements"],
        ["oci:Identity/networkSource:NetworkSource"] = ["name", "publicSourceLists", "virtualSourceLists"],
        ["oci:Identity/authenticationPolicy:AuthenticationPolicy"] = ["networkPolicy", "passwordPolicy"],
        ["oci:Identity/identityProvider:IdentityProvider"] = ["name", "productType", "metadataUrl"],
        ["oci:Identity/domainReplicationToRegion:DomainReplicationToRegion"] = ["replicaRegion"],
        ["oci:Identity/tagDefault:TagDefault"] = ["value", "isRequired"],
        ["oci:Core/vcn:Vcn"] = ["cidrBlock", "cidrBlocks", "dnsLabel"],
        ["oci:Core/subnet:Subnet"] = ["cidrBlock", "prohibitPublicIpOnVnic", "prohibitInternetIngress", "routeTableId", "securityListIds"],
        ["oci:Core/routeTable:RouteTable"] = ["routeRules"],
        ["oci:Core/securityList:SecurityList"] = ["ingressSecurityRules", "egressSecurityRules"],
        ["oci:Core/defaultSecurityList:DefaultSecurityList"] = ["ingressSecurityRules", "egressSecurityRules"],
        ["oci:Core/networkSecurityGroup:NetworkSecurityGroup"] = ["displayName"],
        ["oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule"] =
            ["direction", "protocol", "source", "destination", "tcpOptions", "udpOptions"],
        ["oci:Core/serviceGateway:ServiceGateway"] = ["services"],
        ["oci:Core/natGateway:NatGateway"] = ["blockTraffic"],
        ["oci:Core/internetGateway:InternetGateway"] = ["enabled"],
        ["oci:Core/drgAttachment:DrgAttachment"] = ["networkDetails"],
        ["oci:Core/remotePeeringConnection:RemotePeeringConnection"] = ["peerRegionName"],
        ["oci:Core/ipsec:Ipsec"] = ["staticRoutes"],
        ["oci:Core/cpe:Cpe"] = ["ipAddress"],
        ["oci:Database/autonomousDatabase:AutonomousDatabase"] =
        [
            "dbName", "dbWorkload", "subnetId", "nsgIds", "isMtlsConnectionRequired", "whitelistedIps", "kmsKeyId",
            "dataSafeStatus", "backupRetentionPeriodInDays", "isBackupRetentionLocked", "adminPassword", "secretId",
        ],
        ["oci:Vault/secret:Secret"] = ["secretName", "vaultId", "keyId", "secretContent"],
        ["oci:Kms/vaultVerification:VaultVerification"] = ["replicaRegion"],
        ["oci:Kms/vault:Vault"] = ["vaultType"],
        ["oci:Kms/key:Key"] = ["keyShape", "protectionMode", "isAutoRotationEnabled", "autoKeyRotationDetails"],
        ["oci:ObjectStorage/bucket:Bucket"] = ["name", "accessType", "kmsKeyId", "versioning", "retentionRules"],
        ["oci:ObjectStorage/replicationPolicy:ReplicationPolicy"] = ["destinationRegionName", "destinationBucketName"],
        ["oci:ObjectStorage/preauthrequest:Preauthrequest"] = ["accessType", "bucketListingAction", "timeExpires"],
        ["oci:Logging/logGroup:LogGroup"] = ["displayName"],
        ["oci:Logging/log:Log"] = ["logType", "configuration", "retentionDuration"],
        ["oci:Sch/connector:Connector"] = ["source", "target"],
        ["oci:Audit/configuration:Configuration"] = ["retentionPeriodDays"],
        ["oci:Bastion/bastion:Bastion"] = ["clientCidrBlockAllowLists", "maxSessionTtlInSeconds"],
        ["oci:CloudGuard/cloudGuardConfiguration:CloudGuardConfiguration"] = ["status", "reportingRegion"],
        ["oci:CloudGuard/securityZone:SecurityZone"] = ["securityZoneRecipeId"],
        ["oci:Events/rule:Rule"] = ["isEnabled", "condition"],
        ["oci:Ons/subscription:Subscription"] = ["protocol", "endpoint"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] Fallback = ["displayName", "name"];

    /// <summary>The key inputs present on <paramref name="resource"/>, in table order.</summary>
    public static IEnumerable<(string Key, PropertyValue Value)> Of(ResourceNode resource)
    {
        if (ByType.TryGetValue(resource.Type, out var keys))
        {
            foreach (var k in keys)
                if (resource.Inputs.Fields.TryGetValue(k, out var v)) yield return (k, v);
            yield break;
        }
        foreach (var k in Fallback)
            if (resource.Inputs.Fields.TryGetValue(k, out var v)) { yield return (k, v); yield break; }
    }
}
