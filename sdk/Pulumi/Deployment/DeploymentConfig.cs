using System.Collections.Immutable;
using System.Text.Json;

namespace Pulumi;

/// <summary>
/// The configuration of one deployment, read from PULUMI_CONFIG (a JSON object of full keys to string
/// values) and PULUMI_CONFIG_SECRET_KEYS (a JSON array of full keys) when the deployment is created.
/// </summary>
internal sealed class DeploymentConfig
{
    public ImmutableDictionary<string, string> Values { get; }
    public ImmutableHashSet<string> SecretKeys { get; }

    private DeploymentConfig(ImmutableDictionary<string, string> values, ImmutableHashSet<string> secretKeys)
    {
        Values = values;
        SecretKeys = secretKeys;
    }

    public static DeploymentConfig FromEnvironment()
        => new(ParseConfig(Environment.GetEnvironmentVariable("PULUMI_CONFIG")),
               ParseSecretKeys(Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS")));

    private static ImmutableDictionary<string, string> ParseConfig(string? json)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return builder.ToImmutable();
        }
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            // Values are strings; tolerate other JSON kinds by keeping their JSON text.
            var value = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : property.Value.GetRawText();
            builder[CleanKey(property.Name)] = value;
        }
        return builder.ToImmutable();
    }

    private static ImmutableHashSet<string> ParseSecretKeys(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return ImmutableHashSet<string>.Empty;
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => CleanKey(e.GetString() ?? ""))
            .ToImmutableHashSet();
    }

    /// <summary>Legacy keys of the form <c>ns:config:key</c> mean <c>ns:key</c>.</summary>
    internal static string CleanKey(string key)
    {
        var index = key.IndexOf(':');
        if (index > 0 && key.AsSpan(index + 1).StartsWith("config:", StringComparison.Ordinal))
        {
            return key[..index] + ":" + key[(index + 1 + "config:".Length)..];
        }
        return key;
    }
}
