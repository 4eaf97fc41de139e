using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// Converts Pulumi's JSON property values (state and preview encodings) into <see cref="PropertyValue"/>. What a
/// signed object or the unknown sentinel means is decided by <see cref="SignedValues"/>, the same for every encoding:
/// secrets become <see cref="PropertyValue.Secret"/> without their ciphertext or plaintext ever being read, the
/// unknown sentinel <see cref="PropertyValue.Unknown"/>, resource references <see cref="ResourceRefValue"/>, and
/// assets/archives keep only their identifying fields.
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
                return SignedValues.FromString(e.GetString()!, previewSecrets);
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
            return SignedValues.Decode(sig.ValueKind == JsonValueKind.String ? sig.GetString() : null,
                new JsonSignedObject(e, previewSecrets, source, path));
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

    /// <summary>A signed object of a state or preview file, for <see cref="SignedValues.Decode{T}"/>.</summary>
    private readonly struct JsonSignedObject(JsonElement e, bool previewSecrets, string source, string path) : ISignedObject
    {
        public string? String(string key) =>
            e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public bool IsTrue(string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;

        public bool TryRead(string key, out PropertyValue value)
        {
            if (!e.TryGetProperty(key, out var v))
            {
                value = PropertyValue.Null;
                return false;
            }
            value = Read(v, previewSecrets, source, $"{path}.{key}");
            return true;
        }

        public Exception Malformed(string problem) => new ArtifactLoadException(source, problem, jsonPath: path);
    }
}
