using Pulumi;

namespace Enclave.Configuration;

/// <summary>
/// The config the Pulumi engine handed this program, read through the official <see cref="Config"/> API
/// (one <see cref="Config"/> per namespace: <c>us-data-enclave</c>, <c>oci</c>).
/// </summary>
public sealed class PulumiConfigSource : IConfigSource
{
    private readonly Dictionary<string, Config> _byNamespace = new(StringComparer.Ordinal);

    public string? Get(string fullKey)
    {
        var colon = fullKey.IndexOf(':');
        if (colon <= 0) throw new ArgumentException($"config key '{fullKey}' has no namespace", nameof(fullKey));
        var ns = fullKey[..colon];
        if (!_byNamespace.TryGetValue(ns, out var config))
            _byNamespace[ns] = config = new Config(ns);
        return config.Get(fullKey[(colon + 1)..]);
    }
}
