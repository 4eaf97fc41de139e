using System.Collections.Immutable;

namespace Enclave.Configuration;

/// <summary>
/// Where the stack's config comes from: full key (<c>namespace:key</c>) → the raw string the engine hands the
/// program, or null when the key is absent. Structured values (objects, arrays) are JSON text, exactly as in
/// <c>PULUMI_CONFIG</c>. Keeping this seam lets the whole parse/validate layer run without a Pulumi deployment.
/// </summary>
public interface IConfigSource
{
    string? Get(string fullKey);

    /// <summary>Every full key the stack sets (of any namespace), so that misspelt keys can be reported.</summary>
    IEnumerable<string> Keys { get; }

    /// <summary>
    /// The full keys whose value is or holds a secret (<c>PULUMI_CONFIG_SECRET_KEYS</c>). Every setting the program reads
    /// decides who and what reaches the data, so none may be one: offline it reads as a placeholder the gate cannot judge.
    /// </summary>
    IReadOnlySet<string> SecretKeys => ImmutableHashSet<string>.Empty;
}

/// <summary>A config source over a plain map (the offline runner's stack file, tests), with the keys that are secret.</summary>
public sealed class DictionaryConfigSource(IReadOnlyDictionary<string, string> values, IEnumerable<string>? secretKeys = null) : IConfigSource
{
    public IReadOnlyDictionary<string, string> Values { get; } = values.ToImmutableDictionary(StringComparer.Ordinal);

    public IReadOnlySet<string> SecretKeys { get; } = (secretKeys ?? []).ToImmutableHashSet(StringComparer.Ordinal);

    public string? Get(string fullKey) => Values.TryGetValue(fullKey, out var v) ? v : null;

    public IEnumerable<string> Keys => Values.Keys;
}
