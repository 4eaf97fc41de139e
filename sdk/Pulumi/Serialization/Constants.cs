namespace Pulumi;

/// <summary>Magic strings of the Pulumi wire format (see the protocol reference §3.5).</summary>
internal static class Constants
{
    /// <summary>The value sent for (and recognised as) an unknown value during preview.</summary>
    public const string UnknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>Key whose presence marks a special object (secret, resource reference, asset...).</summary>
    public const string SpecialSigKey = "4dabf18193072939515e22adb298388d";

    public const string SpecialSecretSig = "1b47061264138c4ac30d75fd1eb44270";
    public const string SpecialResourceSig = "5cf8f73096256a8f31e491e813e4eb8e";
    public const string SpecialAssetSig = "c44067f5952c0a294b673a41bacd8c17";
    public const string SpecialArchiveSig = "0def7320c3a5731c473e5ecbe6d01bc7";
    public const string SpecialOutputValueSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    public const string SecretValueName = "value";
    public const string ValueName = "value";
    public const string SecretName = "secret";
    public const string DependenciesName = "dependencies";
    public const string ResourceUrnName = "urn";
    public const string ResourceIdName = "id";
    public const string ResourceVersionName = "packageVersion";

    public const string UrnPropertyName = "urn";
    public const string IdPropertyName = "id";

    public const string RootStackType = "pulumi:pulumi:Stack";
    public const string GetResourceToken = "pulumi:pulumi:getResource";
}
