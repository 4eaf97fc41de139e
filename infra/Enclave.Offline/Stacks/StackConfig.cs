using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Configuration;

namespace Enclave.Offline.Stacks;

/// <summary>
/// A stack's config exactly as the engine would hand it to the program: <see cref="Values"/> is the content of
/// <c>PULUMI_CONFIG</c> (<c>ns:key</c> → string; lists and objects as JSON text; project defaults applied) and
/// <see cref="SecretKeys"/> of <c>PULUMI_CONFIG_SECRET_KEYS</c>. Secret values are never decrypted offline: each
/// holds <see cref="SecretPlaceholder"/>.
/// </summary>
public sealed record StackConfig(
    string Project,
    string Stack,
    string StackFile,
    ImmutableSortedDictionary<string, string> Values,
    ImmutableSortedSet<string> SecretKeys)
{
    /// <summary>What a <c>{secure: …}</c> value reads as offline.</summary>
    public const string SecretPlaceholder = "[secret]";

    /// <summary>The values as a config source for <see cref="EnclaveConfig.Parse"/>.</summary>
    public IConfigSource Source => new DictionaryConfigSource(Values);

    /// <summary>The <c>PULUMI_CONFIG</c> JSON object (keys sorted).</summary>
    public string ToConfigJson() => JsonSerializer.Serialize(Values);

    /// <summary>The <c>PULUMI_CONFIG_SECRET_KEYS</c> JSON array (sorted).</summary>
    public string ToSecretKeysJson() => JsonSerializer.Serialize(SecretKeys);
}
