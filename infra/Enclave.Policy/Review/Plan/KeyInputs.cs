using System.Collections.Frozen;
using System.Collections.Immutable;
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

    /// <summary>
    /// A key input as a reviewer reads it best: an Events rule's <c>condition</c> is JSON inside a string, shown as the
    /// structure it holds (its event types one per line) when it parses; everything else as it is.
    /// </summary>
    public static PropertyValue Readable(ResourceNode resource, string key, PropertyValue value)
    {
        if (key != "condition" || !resource.IsType("oci:Events/rule:Rule") || value is not StringValue { Value.Length: < 100_000 } s) return value;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(s.Value, new System.Text.Json.JsonDocumentOptions { MaxDepth = 16 });
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? FromJson(doc.RootElement) : value;
        }
        catch (System.Text.Json.JsonException) { return value; }
    }

    /// <summary>Plain JSON as values: no marker is interpreted (a condition cannot pass itself off as a secret).</summary>
    private static PropertyValue FromJson(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => new MapValue(e.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => FromJson(g.Last().Value), StringComparer.Ordinal)),
        System.Text.Json.JsonValueKind.Array => new ListValue([.. e.EnumerateArray().Select(FromJson)]),
        System.Text.Json.JsonValueKind.String => PropertyValue.Of(e.GetString()),
        System.Text.Json.JsonValueKind.Number => PropertyValue.Of(e.GetDouble()),
        System.Text.Json.JsonValueKind.True => PropertyValue.Of(true),
        System.Text.Json.JsonValueKind.False => PropertyValue.Of(false),
        _ => PropertyValue.Null,
    };

    /// <summary>The key inputs present on <paramref name="resource"/>, in table order.</summary>
    public static IEnumerable<(string Key, PropertyValue Value)> Of(ResourceNode resource)
    {
        if (ByType.TryGetValue(resource.Type, out var keys))
        {
            foreach (var k in keys)
                if (resource.Inputs.TryGetValue(k, out var v)) yield return (k, v);
            yield break;
        }
        foreach (var k in Fallback)
            if (resource.Inputs.TryGetValue(k, out var v)) { yield return (k, v); yield break; }
    }
}
