using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Pulumi;

/// <summary>
/// Reads configuration of the current deployment for one namespace (the project by default): the key
/// <c>"x"</c> of <c>new Config("ns")</c> is the full key <c>"ns:x"</c>. Secret variants return secret outputs.
/// </summary>
public sealed class Config
{
    private readonly string _name;

    public Config(string? name = null)
    {
        name ??= Deployment.Instance.ProjectName;
        if (name.EndsWith(":config", StringComparison.Ordinal))
        {
            name = name[..^":config".Length];
        }
        _name = name;
    }

    private string FullKey(string key) => $"{_name}:{key}";

    private static DeploymentConfig Current => Deployment.InternalInstance.Config;

    private string? GetImpl(string key)
        => Current.Values.TryGetValue(FullKey(key), out var value) ? value : null;

    public string? Get(string key) => GetImpl(key);

    public Output<string>? GetSecret(string key) => MakeSecret(GetImpl(key));

    public bool? GetBoolean(string key)
    {
        var value = GetImpl(key);
        return value switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw new ConfigTypeException(FullKey(key), value, nameof(Boolean)),
        };
    }

    public Output<bool>? GetSecretBoolean(string key) => MakeSecret(GetBoolean(key));

    public int? GetInt32(string key)
    {
        var value = GetImpl(key);
        if (value is null)
        {
            return null;
        }
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ConfigTypeException(FullKey(key), value, nameof(Int32));
    }

    public Output<int>? GetSecretInt32(string key) => MakeSecret(GetInt32(key));

    public double? GetDouble(string key)
    {
        var value = GetImpl(key);
        if (value is null)
        {
            return null;
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ConfigTypeException(FullKey(key), value, nameof(Double));
    }

    public Output<double>? GetSecretDouble(string key) => MakeSecret(GetDouble(key));

    [return: MaybeNull]
    public T GetObject<T>(string key) => GetObjectImpl<T>(key, null);

    [return: MaybeNull]
    public T GetObject<T>(string key, JsonSerializerOptions options) => GetObjectImpl<T>(key, options);

    /// <summary>Null when the key is absent (a present JSON <c>null</c> gives a secret output of null), as officially.</summary>
    public Output<T>? GetSecretObject<T>(string key)
        => GetImpl(key) is null ? null : Output.CreateSecret(GetObjectImpl<T>(key, null)!);

    /// <summary>Null when the deserialized value is null (absent key or JSON <c>null</c>), as officially.</summary>
    public Output<T>? GetSecretObject<T>(string key, JsonSerializerOptions options)
        => GetObjectImpl<T>(key, options) is { } value ? Output.CreateSecret(value) : null;

    /// <summary>
    /// The official API serializes with System.Text.Json's reflection-based default. Under Native AOT that default is
    /// off and throws an InvalidOperationException naming the type; pass options whose TypeInfoResolver is a
    /// source-generated JsonSerializerContext there.
    /// </summary>
    private const string JsonByOptions = "Reflection-based JSON runs on the JIT runtime only; Native AOT callers pass source-generated options.";

    [return: MaybeNull]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = JsonByOptions)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = JsonByOptions)]
    private T GetObjectImpl<T>(string key, JsonSerializerOptions? options)
    {
        var value = GetImpl(key);
        if (value is null)
        {
            return default;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(value, options);
        }
        catch (JsonException exception)
        {
            throw new ConfigTypeException(FullKey(key), value, typeof(T).FullName!, exception);
        }
    }

    public string Require(string key) => GetImpl(key) ?? throw new ConfigMissingException(FullKey(key));

    public Output<string> RequireSecret(string key) => Output.CreateSecret(Require(key));

    public bool RequireBoolean(string key) => GetBoolean(key) ?? throw new ConfigMissingException(FullKey(key));

    public Output<bool> RequireSecretBoolean(string key) => Output.CreateSecret(RequireBoolean(key));

    public int RequireInt32(string key) => GetInt32(key) ?? throw new ConfigMissingException(FullKey(key));

    public Output<int> RequireSecretInt32(string key) => Output.CreateSecret(RequireInt32(key));

    public double RequireDouble(string key) => GetDouble(key) ?? throw new ConfigMissingException(FullKey(key));

    public Output<double> RequireSecretDouble(string key) => Output.CreateSecret(RequireDouble(key));

    public T RequireObject<T>(string key) => RequireObjectImpl<T>(key, null);

    public T RequireObject<T>(string key, JsonSerializerOptions options) => RequireObjectImpl<T>(key, options);

    private T RequireObjectImpl<T>(string key, JsonSerializerOptions? options)
    {
        if (GetImpl(key) is null)
        {
            throw new ConfigMissingException(FullKey(key));
        }
        return GetObjectImpl<T>(key, options)!;
    }

    public Output<T> RequireSecretObject<T>(string key) => Output.CreateSecret(RequireObjectImpl<T>(key, null));

    public Output<T> RequireSecretObject<T>(string key, JsonSerializerOptions options)
        => Output.CreateSecret(RequireObjectImpl<T>(key, options));

    private static Output<string>? MakeSecret(string? value)
        => value is null ? null : Output.CreateSecret(value);

    private static Output<T>? MakeSecret<T>(T? value) where T : struct
        => value is null ? null : Output.CreateSecret(value.Value);

    /// <summary>A configuration value is not of the requested type.</summary>
    private sealed class ConfigTypeException : RunException
    {
        public ConfigTypeException(string key, object? value, string typeName, Exception? innerException = null)
            : base($"Configuration '{key}' value '{value}' is not a valid {typeName}", innerException)
        {
        }
    }

    /// <summary>A required configuration value is missing.</summary>
    private sealed class ConfigMissingException : RunException
    {
        public ConfigMissingException(string key)
            : base($"Missing Required configuration variable '{key}'\n\tplease set a value using the command `pulumi config set {key} <value>`")
        {
        }
    }
}
