using Enclave.Configuration;
using Enclave.Policy;
using Enclave.Policy.Graph;

namespace Enclave.Offline.Planning;

/// <summary>What an offline run of the program produced: the neutral resource graph, the policy context of the
/// stack, and the validated settings the program ran with.</summary>
public sealed record OfflineResult
{
    public required ResourceGraph Graph { get; init; }
    public required PolicyContext Policy { get; init; }
    public required EnclaveSettings Settings { get; init; }
}

/// <summary>The program failed while running offline (not a config error: those are <see cref="ConfigurationException"/>).
/// The message holds the program's own messages, without stack traces.</summary>
public sealed class OfflineRunException(string stack, string message)
    : Exception($"The enclave program failed for stack '{stack}': {message}")
{
    public string Stack { get; } = stack;
}
