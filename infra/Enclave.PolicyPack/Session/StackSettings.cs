using System.Text.Json;
using Enclave.Configuration;
using Enclave.Offline.Planning;
using Enclave.Offline.Stacks;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.PolicyPack.Mapping;
using Enclave.PolicyPack.Protocol;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Session;

/// <summary>The stack a pack judges and the isolation context its configuration gives the rules.</summary>
internal sealed record ConfiguredStack(StackIdentity Identity, PolicyContext Policy);

/// <summary>The stack's settings could not be read or are invalid; the message is one line naming the key.</summary>
internal sealed class StackSettingsException(string message) : Exception(message);

/// <summary>
/// Reads the stack the engine names (<c>ConfigureStack</c>, or the environment an older CLI sets) and validates its
/// config with the program's own validator into the same <see cref="PolicyContext"/> `enclave check` uses: the same
/// gatekeepers, parent-company exclusions and allowed regions. Secret values are never kept (see
/// <see cref="StackContext.SettingsFromEngineConfig"/>).
/// </summary>
internal static class StackSettings
{
    public static ConfiguredStack From(AnalyzerStackConfigureRequest request)
    {
        if (request.Config.Count > 0 || request.ConfigProperties is null)
            return Configure(request.Stack, request.Project, request.DryRun,
                new Dictionary<string, string>(request.Config, StringComparer.Ordinal), request.ConfigSecretKeys);
        var (values, secretKeys) = FromStruct(request.ConfigProperties);
        return Configure(request.Stack, request.Project, request.DryRun, values, secretKeys.Concat(request.ConfigSecretKeys));
    }

    /// <summary>
    /// What CLIs before the analyzer handshake set for a policy pack they start (PULUMI_STACK, PULUMI_PROJECT,
    /// PULUMI_CONFIG, PULUMI_DRY_RUN); null when they are not set.
    /// </summary>
    public static ConfiguredStack? FromEnvironment()
    {
        var stack = Environment.GetEnvironmentVariable("PULUMI_STACK");
        var project = Environment.GetEnvironmentVariable("PULUMI_PROJECT");
        if (string.IsNullOrEmpty(stack) || string.IsNullOrEmpty(project)) return null;
        var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        Dictionary<string, string> config;
        try
        {
            config = string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            throw new StackSettingsException("PULUMI_CONFIG is not a JSON object of \"namespace:key\": \"value\" strings");
        }
        var dryRun = !bool.TryParse(Environment.GetEnvironmentVariable("PULUMI_DRY_RUN"), out var d) || d;
        return Configure(stack, project, dryRun, config, []);
    }

    private static ConfiguredStack Configure(string stack, string project, bool dryRun, IReadOnlyDictionary<string, string> config,
        IEnumerable<string> secretKeys)
    {
        if (stack.Length == 0 || project.Length == 0)
            throw new StackSettingsException("ConfigureStack names no stack or no project; both are needed to judge the stack's resources");
        // A fully qualified name (org/project/stack) carries the stack's short name last: URNs hold the short name.
        stack = stack.Split('/')[^1];
        EnclaveSettings settings;
        try
        {
            settings = StackContext.SettingsFromEngineConfig(stack, config, secretKeys);
        }
        catch (ConfigurationException e)
        {
            throw new StackSettingsException($"stack {stack}: {e.OneLineMessage}");
        }
        // A preview judges deploy-time values as unknown; the update's stack analysis sees what was deployed.
        var origin = dryRun ? GraphOrigin.Preview : GraphOrigin.State;
        return new ConfiguredStack(new StackIdentity(stack, project, origin, settings.DeploymentRegion), StackContext.ToPolicy(settings));
    }

    /// <summary>
    /// Config sent as a Struct (mid-2025 CLIs): strings as they are, anything else as JSON text, like PULUMI_CONFIG.
    /// Those CLIs list no secret keys: they send each secret as a signed secret object holding its plaintext. A key
    /// whose value is or holds a secret is returned as a secret key, so it reads as it reads offline (the placeholder)
    /// and its plaintext reaches neither the validator nor any message.
    /// </summary>
    private static (Dictionary<string, string> Values, List<string> SecretKeys) FromStruct(Struct config)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var secretKeys = new List<string>();
        foreach (var (key, value) in config.Fields)
        {
            if (StructDecoder.Read(value, $"config {key}").ContainsSecret)
            {
                secretKeys.Add(key);
                values[key] = StackConfig.SecretPlaceholder;
                continue;
            }
            values[key] = value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : JsonFormatter.Default.Format(value);
        }
        return (values, secretKeys);
    }
}
