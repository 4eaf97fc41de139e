using System.Text.Json;
using Pulumi;

namespace Enclave.Configuration;

/// <summary>
/// The config the Pulumi engine handed this program, read through the official <see cref="Config"/> API
/// (one <see cref="Config"/> per namespace: <c>us-data-enclave</c>, <c>oci</c>).
/// </summary>
public sealed class PulumiConfigSource : IConfigSource
{
    /// <summary>The variable in which the Pulumi CLI (and the offline runner) passes every config value.</summary>
    public const string ConfigVariable = "PULUMI_CONFIG";

    /// <summary>The variable in which it lists the keys whose values are secret (a JSON array).</summary>
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    private readonly Dictionary<string, Config> _byNamespace = new(StringComparer.Ordinal);
    private List<string>? _keys;
    private IReadOnlySet<string>? _secretKeys;

    public string? Get(string fullKey)
    {
        var colon = fullKey.IndexOf(':');
        if (colon <= 0) throw new ArgumentException($"config key '{fullKey}' has no namespace", nameof(fullKey));
        var ns = fullKey[..colon];
        if (!_byNamespace.TryGetValue(ns, out var config))
            _byNamespace[ns] = config = new Config(ns);
        return config.Get(fullKey[(colon + 1)..]);
    }

    /// <summary>
    /// The keys of <c>PULUMI_CONFIG</c>, read directly: the official <see cref="Config"/> API cannot list keys.
    /// Legacy <c>ns:config:key</c> spellings are normalised to <c>ns:key</c>, as the engine's config does.
    /// A missing or malformed variable lists nothing (the deployment itself rejects a malformed one). Read once per
    /// source, as the engine's config is read once per deployment.
    /// </summary>
    public IEnumerable<string> Keys => _keys ??= ReadKeys();

    private static List<string> ReadKeys()
    {
        var raw = Environment.GetEnvironmentVariable(ConfigVariable);
        if (string.IsNullOrWhiteSpace(raw)) return [];
        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            return doc.RootElement.EnumerateObject().Select(p => Normalise(p.Name)).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// The keys of <c>PULUMI_CONFIG_SECRET_KEYS</c>: at deploy the program reads a secret's plaintext, which the gate
    /// never saw, so the program refuses it as the gate does. A malformed list names every key of the config secret.
    /// Parsed once per source: the config reader asks it of every key it reads.
    /// </summary>
    public IReadOnlySet<string> SecretKeys => _secretKeys ??= ReadSecretKeys();

    private HashSet<string> ReadSecretKeys()
    {
        var raw = Environment.GetEnvironmentVariable(SecretKeysVariable);
        if (string.IsNullOrWhiteSpace(raw)) return new HashSet<string>();
        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
                return doc.RootElement.EnumerateArray().Select(e => Normalise(e.GetString()!)).ToHashSet(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
        }
        return Keys.ToHashSet(StringComparer.Ordinal);
    }

    private static string Normalise(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && parts[1] == "config" ? $"{parts[0]}:{parts[2]}" : key;
    }
}
