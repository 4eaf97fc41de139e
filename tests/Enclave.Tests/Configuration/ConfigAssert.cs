using Enclave.Configuration;

namespace Enclave.Tests.Configuration;

internal static class ConfigAssert
{
    /// <summary>The config is rejected with exactly one problem, on <paramref name="key"/>, whose message holds
    /// <paramref name="fragment"/>; the combined message names the key too.</summary>
    public static ConfigProblem Single(ConfigResult result, string key, string fragment)
    {
        Assert.False(result.IsValid, "the config should be rejected");
        Assert.Null(result.Settings);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(key, problem.Key);
        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
        Assert.Contains($"{key}: ", result.Message, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>Among possibly several problems, one is on <paramref name="key"/> and holds <paramref name="fragment"/>.</summary>
    public static void Has(ConfigResult result, string key, string fragment)
    {
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Key == key && p.Message.Contains(fragment, StringComparison.Ordinal));
    }
}
