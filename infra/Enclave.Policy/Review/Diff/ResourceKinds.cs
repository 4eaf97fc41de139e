using System.Collections.Frozen;

namespace Enclave.Policy.Review.Diff;

/// <summary>
/// What the diff must know about resource types: which hold data (losing them loses data) and which inputs force
/// the provider to replace the resource when they change. The replace table is deliberately small: it covers the
/// enclave's data and network resources, where an unexpected replacement matters; a real <c>pulumi preview</c>
/// is authoritative (<c>enclave diff --preview-json</c>).
/// </summary>
public static class ResourceKinds
{
    private static readonly FrozenSet<string> DataBearingTypes = new[]
    {
        "oci:Database/autonomousDatabase:AutonomousDatabase",
        "oci:Database/autonomousDatabaseBackup:AutonomousDatabaseBackup",
        "oci:Kms/vault:Vault",
        "oci:Kms/key:Key",
        "oci:Vault/secret:Secret",
        "oci:ObjectStorage/bucket:Bucket",
        "oci:Logging/logGroup:LogGroup",
        "oci:Logging/log:Log",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FrozenSet<string>> ReplaceKeys = new Dictionary<string, string[]>
    {
        ["oci:Core/vcn:Vcn"] = ["cidrBlock", "dnsLabel"],
        ["oci:Core/subnet:Subnet"] = ["cidrBlock", "vcnId", "availabilityDomain", "dnsLabel", "prohibitPublicIpOnVnic", "prohibitInternetIngress"],
        ["oci:Core/securityList:SecurityList"] = ["vcnId"],
        ["oci:Core/routeTable:RouteTable"] = ["vcnId"],
        ["oci:Core/networkSecurityGroup:NetworkSecurityGroup"] = ["vcnId"],
        ["oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule"] = ["networkSecurityGroupId", "direction"],
        ["oci:Core/serviceGateway:ServiceGateway"] = ["vcnId"],
        ["oci:Core/natGateway:NatGateway"] = ["vcnId"],
        ["oci:Core/internetGateway:InternetGateway"] = ["vcnId"],
        ["oci:Database/autonomousDatabase:AutonomousDatabase"] = ["dbName", "source", "sourceId", "isDedicated"],
        ["oci:Kms/vault:Vault"] = ["vaultType"],
        ["oci:Kms/key:Key"] = ["keyShape", "protectionMode", "managementEndpoint"],
        ["oci:ObjectStorage/bucket:Bucket"] = ["name", "namespace", "compartmentId"],
        ["oci:Logging/log:Log"] = ["logType", "configuration"],
        ["oci:Identity/group:Group"] = ["name"],
        ["oci:Identity/policy:Policy"] = ["name"],
        ["oci:Identity/dynamicGroup:DynamicGroup"] = ["name"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public static bool IsDataBearing(string type) => DataBearingTypes.Contains(type) || type.StartsWith("oci:Database/", StringComparison.Ordinal);

    /// <summary>Does changing top-level input <paramref name="key"/> of a <paramref name="type"/> replace the resource?</summary>
    public static bool ForcesReplacement(string type, string key) =>
        ReplaceKeys.TryGetValue(type, out var keys) && keys.Contains(key);
}
