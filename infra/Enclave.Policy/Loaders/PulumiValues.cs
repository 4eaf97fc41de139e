namespace Enclave.Policy.Loaders;

/// <summary>
/// The markers of Pulumi's JSON property values (state, preview and engine-event encodings), which
/// <c>Json.PulumiValueReader</c> turns into <see cref="Graph.PropertyValue"/>: secrets become
/// <see cref="Graph.PropertyValue.Secret"/> without their ciphertext or plaintext ever being read, the unknown
/// sentinel becomes <see cref="Graph.PropertyValue.Unknown"/>, resource references become
/// <see cref="Graph.ResourceRefValue"/>, and assets/archives keep only their identifying fields.
/// </summary>
public static class PulumiValues
{
    /// <summary>Key marking a special (signed) object.</summary>
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    public const string AssetSignature = "c44067f5952c0a294b673a41bacd8c17";
    public const string ArchiveSignature = "0def7320c3a5731c473e5ecbe6d01bc7";
    public const string ResourceReferenceSignature = "5cf8f73096256a8f31e491e813e4eb8e";
    public const string OutputValueSignature = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    /// <summary>The string Pulumi writes for a value not known until deploy.</summary>
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    /// <summary>What a preview writes in place of a secret.</summary>
    public const string PreviewSecretMarker = "[secret]";
}
