namespace Enclave.Offline.Fakes;

/// <summary>Fake provider ids per resource type, in the shapes OCI and Pulumi use.</summary>
internal static class FakeResourceIds
{
    // OCID "kind" segments that differ from the lower-cased class name.
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["oci:Core/networkSecurityGroup:NetworkSecurityGroup"] = "networksecuritygroup",
        ["oci:Core/defaultSecurityList:DefaultSecurityList"] = "securitylist",
        ["oci:Identity/tag:Tag"] = "tagdefinition",
        ["oci:Identity/domainsGroup:DomainsGroup"] = "group",
        ["oci:Ons/notificationTopic:NotificationTopic"] = "onstopic",
        ["oci:Ons/subscription:Subscription"] = "onssubscription",
        ["oci:Sch/connector:Connector"] = "serviceconnector",
        ["oci:Events/rule:Rule"] = "eventrule",
        ["oci:CloudGuard/securityRecipe:SecurityRecipe"] = "securityzonessecurityrecipe",
        ["oci:CloudGuard/securityZone:SecurityZone"] = "securityzonessecurityzone",
        ["oci:CloudGuard/target:Target"] = "cloudguardtarget",
        ["oci:Kms/key:Key"] = "key",
        ["oci:Kms/vault:Vault"] = "vault",
        ["oci:Database/autonomousDatabase:AutonomousDatabase"] = "autonomousdatabase",
        ["oci:Logging/logGroup:LogGroup"] = "loggroup",
        ["oci:Logging/log:Log"] = "log",
    };

    /// <summary>The id the fake cloud gives a new resource.</summary>
    public static string For(string type, string name, string? region, IReadOnlyDictionary<string, object> inputs, FakeCloud cloud)
    {
        if (type.StartsWith("pulumi:providers:", StringComparison.Ordinal)) return FakeIds.ProviderId(name);
        if (type.StartsWith("random:", StringComparison.Ordinal)) return "none";
        switch (type)
        {
            case "oci:ObjectStorage/bucket:Bucket":
                var ns = inputs.GetValueOrDefault("namespace") as string ?? cloud.Namespace;
                return $"n/{ns}/b/{inputs.GetValueOrDefault("name") as string ?? name}";
            // Tenancy-wide settings are addressed by the tenancy OCID.
            case "oci:Audit/configuration:Configuration":
            case "oci:CloudGuard/cloudGuardConfiguration:CloudGuardConfiguration":
                return inputs.GetValueOrDefault("compartmentId") as string ?? cloud.TenancyOcid;
        }
        var global = type.StartsWith("oci:Identity/", StringComparison.Ordinal);
        return FakeIds.Ocid(Kind(type), global ? null : region, name);
    }

    private static string Kind(string type)
    {
        if (Kinds.TryGetValue(type, out var kind)) return kind;
        var last = type.LastIndexOf(':');
        return (last >= 0 ? type[(last + 1)..] : type).ToLowerInvariant();
    }
}
