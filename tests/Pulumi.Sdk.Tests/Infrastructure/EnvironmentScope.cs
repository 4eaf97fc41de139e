namespace Pulumi.Sdk.Tests.Infrastructure;

/// <summary>Sets environment variables for the duration of a test and restores the previous values.</summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new();

    public EnvironmentScope(params (string Name, string? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public static EnvironmentScope Config(string json, string? secretKeysJson = null)
        => new(("PULUMI_CONFIG", json), ("PULUMI_CONFIG_SECRET_KEYS", secretKeysJson));

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
