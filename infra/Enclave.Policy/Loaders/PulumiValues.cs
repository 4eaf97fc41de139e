using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Converts Pulumi's JSON property values (state and preview encodings) into <see cref="PropertyValue"/>.
/// Secrets become <see cref="PropertyValue.Secret"/> without their ciphertext or plaintext ever being read, the
/// unknown sentinel becomes <see cref="PropertyValue.Unknown"/>, resource references become
/// <see cref="ResourceRefValue"/>, and assets/archives keep only their identifying fields.
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

    /// <summary>Converts one JSON value. <paramref name="previewSecrets"/> turns the preview's <c>"[secret]"</c> strings into secrets.</summary>
    internal static PropertyValue Read(JsonElement e, bool previewSecrets, string source, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return PropertyValue.Null;
            case JsonValueKind.True:
                return PropertyValue.Of(true);
            case JsonValueKind.False:
                return PropertyValue.Of(false);
            case JsonValueKind.Number:
                if (!e.TryGetDouble(out var d) || !double.IsFinite(d))
                    throw new ArtifactLoadException(source, "number out of range", jsonPath: path);
                return PropertyValue.Of(d);
            case JsonValueKind.String:
                var s = e.GetString()!;
                if (s == UnknownSentinel) return PropertyValue.Unknown;
                if (previewSecrets && s == PreviewSecretMarker) return PropertyValue.Secret;
                return new StringValue(s);
            case JsonValueKind.Array:
                var items = ImmutableArray.CreateBuilder<PropertyValue>(e.GetArrayLength());
                var i = 0;
                foreach (var item in e.EnumerateArray()) items.Add(Read(item, previewSecrets, source, $"{path}[{i++}]"));
                return new ListValue(items.MoveToImmutable());
            case JsonValueKind.Object:
                return ReadObject(e, previewSecrets, source, path);
            default:
                throw new ArtifactLoadException(source, $"unexpected JSON {e.ValueKind}", jsonPath: path);
        }
    }

    private static PropertyValue ReadObject(JsonElement e, bool previewSecrets, string source, string path)
    {
        if (e.TryGetProperty(SignatureKey, out var sig))
            return ReadSpecial(e, sig.ValueKind == JsonValueKind.String ? sig.GetString() : null, previewSecrets, source, path);
        return ReadMap(e, previewSecrets, source, path);
    }

    /// <summary>A plain object; a repeated key keeps its last value (as Pulumi's Go decoder does).</summary>
    internal static MapValue ReadMap(JsonElement e, bool previewSecrets, string source, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) return MapValue.Empty;
        var fields = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            fields[p.Name] = Read(p.Value, previewSecrets, source, $"{path}.{p.Name}");
        return new MapValue(fields.ToImmutable());
    }

    private static PropertyValue ReadSpecial(JsonElement e, string? signature, bool previewSecrets, string source, string path)
    {
        switch (signature)
        {
            case SecretSignature:
                // Neither `ciphertext` nor `plaintext` (from --show-secrets) is looked at: the value stays unknowable.
                return PropertyValue.Secret;
            case ResourceReferenceSignature:
                var urn = e.TryGetProperty("urn", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                if (string.IsNullOrEmpty(urn)) throw new ArtifactLoadException(source, "resource reference without a urn", jsonPath: path);
                var id = e.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                return new ResourceRefValue(urn, id is null or "" or UnknownSentinel ? null : id);
            case AssetSignature:
            case ArchiveSignature:
                return AssetSummary(e, signature == AssetSignature ? "asset" : "archive");
            case OutputValueSignature:
                if (e.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.True) return PropertyValue.Secret;
                return e.TryGetProperty("value", out var value) ? Read(value, previewSecrets, source, path + ".value") : PropertyValue.Unknown;
            default:
                // A signature this reader does not know (a future Pulumi value kind): judge it as undetermined.
                return PropertyValue.Unknown;
        }
    }

    /// <summary>An asset or archive as kind plus hash/path/uri; inline text and nested assets are not kept.</summary>
    private static MapValue AssetSummary(JsonElement e, string kind)
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        fields["kind"] = new StringValue(kind);
        foreach (var key in new[] { "hash", "path", "uri" })
            if (e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String)
                fields[key] = new StringValue(v.GetString()!);
        return new MapValue(fields.ToImmutable());
    }
}
