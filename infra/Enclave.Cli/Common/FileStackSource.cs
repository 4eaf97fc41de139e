using Enclave.Policy;
using Enclave.Policy.Graph;

namespace Enclave.Cli.Common;

/// <summary>
/// Stack source before the offline runner is wired in: lists <c>stacks/Pulumi.*.yaml</c>, gives the default
/// isolation context, and refuses offline runs with a clear message. Replaced by the config/offline-backed source.
/// </summary>
public sealed class FileStackSource : IStackSource
{
    public IReadOnlyList<string> ListStacks(string repoRoot)
    {
        var dir = Path.Combine(repoRoot, "stacks");
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir, "Pulumi.*.yaml")
            .Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length])
            .Where(s => s.Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public PolicyContext LoadPolicy(string repoRoot, string stack) => new();

    public Task<(ResourceGraph Graph, PolicyContext Policy)> RunOfflineAsync(string repoRoot, string stack, CancellationToken cancel) =>
        throw CliException.Usage("offline runs are not available in this build; pass --preview-json FILE or --state FILE");
}
