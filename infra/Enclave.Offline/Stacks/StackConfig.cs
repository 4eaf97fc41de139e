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
    public IConfigSource Source => new DictionaryConfigSource(Values, SecretKeys);

    /// <summary>The <c>PULUMI_CONFIG</c> JSON object (keys sorted).</summary>
    public string ToConfigJson() => Json(w =>
    {
        w.WriteStartObject();
        foreach (var (key, value) in Values) w.WriteString(key, value);
        w.WriteEndObject();
    });

    /// <summary>The <c>PULUMI_CONFIG_SECRET_KEYS</c> JSON array (sorted).</summary>
    public string ToSecretKeysJson() => Json(w =>
    {
        w.WriteStartArray();
        foreach (var key in SecretKeys) w.WriteStringValue(key);
        w.WriteEndArray();
    });

    // Written by hand, not by JsonSerializer's reflection (absent from the Native AOT build of the CLI); the bytes are
    // the serializer's: compact, default encoder.
    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
