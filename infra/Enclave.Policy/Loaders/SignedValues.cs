using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// The fields of one signed Pulumi object (secret, resource reference, asset, archive, output value) in whatever
/// encoding it arrived: a JSON object of a state or preview file, or a protobuf <c>Struct</c> the engine sends a
/// policy pack. Implementations are small structs, so decoding allocates nothing for the lookups.
/// </summary>
public interface ISignedObject
{
    /// <summary>The string field <paramref name="key"/>; null when absent or not a string.</summary>
    string? String(string key);

    /// <summary>Is the field <paramref name="key"/> the boolean <c>true</c>?</summary>
    bool IsTrue(string key);

    /// <summary>Decodes the field <paramref name="key"/> (any value kind) when it is present.</summary>
    bool TryRead(string key, out PropertyValue value);

    /// <summary>The exception that reports this object as malformed (a file error, a gRPC error…).</summary>
    Exception Malformed(string problem);
}

/// <summary>
/// What every signed Pulumi value means to the gate, decided once for every encoding (<see cref="PulumiValues"/> for
/// files, the policy pack for the engine's requests): a secret becomes <see cref="PropertyValue.Secret"/> without its
/// plaintext or ciphertext ever being read, a resource reference a <see cref="ResourceRefValue"/>, an asset or
/// archive a summary of its identifying fields, an output value its element (or unknown, or secret), and a
/// signature this code does not know <see cref="PropertyValue.Unknown"/>: judged as undetermined, never as absent.
/// </summary>
public static class SignedValues
{
    /// <summary>A plain string: the unknown sentinel is unknown; with <paramref name="previewSecrets"/> so is the preview's <c>"[secret]"</c> a secret.</summary>
    public static PropertyValue FromString(string s, bool previewSecrets = false) =>
        s == PulumiValues.UnknownSentinel ? PropertyValue.Unknown
        : previewSecrets && s == PulumiValues.PreviewSecretMarker ? PropertyValue.Secret
        : new StringValue(s);

    public static PropertyValue Decode<T>(string? signature, in T obj) where T : ISignedObject
    {
        switch (signature)
        {
            case PulumiValues.SecretSignature:
                // Neither `ciphertext`, `plaintext` (from --show-secrets) nor the engine's `value` is looked at.
                return PropertyValue.Secret;
            case PulumiValues.ResourceReferenceSignature:
                var urn = obj.String("urn");
                if (string.IsNullOrEmpty(urn)) throw obj.Malformed("resource reference without a urn");
                var id = obj.String("id");
                return new ResourceRefValue(urn, id is null or "" or PulumiValues.UnknownSentinel ? null : id);
            case PulumiValues.AssetSignature:
            case PulumiValues.ArchiveSignature:
                return AssetSummary(signature == PulumiValues.AssetSignature ? "asset" : "archive", obj);
            case PulumiValues.OutputValueSignature:
                if (obj.IsTrue("secret")) return PropertyValue.Secret;
                return obj.TryRead("value", out var value) ? value : PropertyValue.Unknown;
            default:
                // A signature this reader does not know (a future Pulumi value kind): judge it as undetermined.
                return PropertyValue.Unknown;
        }
    }

    /// <summary>An asset or archive as kind plus hash/path/uri; inline text and nested assets are not kept.</summary>
    private static MapValue AssetSummary<T>(string kind, in T obj) where T : ISignedObject
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        fields["kind"] = new StringValue(kind);
        foreach (var key in (ReadOnlySpan<string>)["hash", "path", "uri"])
            if (obj.String(key) is { } v) fields[key] = new StringValue(v);
        return new MapValue(fields.ToImmutable());
    }
}
