using System.Collections.Immutable;
using Pulumi;

namespace Enclave.Configuration;

/// <summary>
/// A stack's config is invalid. It is a <see cref="RunException"/>, so Pulumi prints the message alone (no stack
/// trace); tools (the offline runner, the CLI, which exits 2) catch it by type and can list <see cref="Problems"/>.
/// </summary>
public sealed class ConfigurationException : RunException
{
    public ConfigurationException(string stack, ImmutableArray<ConfigProblem> problems)
        : base(ConfigProblem.Format(stack, problems))
    {
        Stack = stack;
        Problems = problems;
    }

    public string Stack { get; }

    /// <summary>The same message on one line (problems joined by <c>"; "</c>), for tools that report one line per error.</summary>
    public string OneLineMessage => ConfigProblem.Format(Stack, Problems, oneLine: true);
    public ImmutableArray<ConfigProblem> Problems { get; }
}
