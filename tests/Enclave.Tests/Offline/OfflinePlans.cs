using System.Collections.Concurrent;
using Enclave.Offline;
using Enclave.Offline.Planning;
using Enclave.Tests.Configuration;

namespace Enclave.Tests.Offline;

/// <summary>
/// The offline plan of each shipped stack, made once per test run (the program is deterministic) for the tests that
/// only read it. Like <see cref="Support.EnclaveRun"/>'s cache, it would hide from a per-test coverage analysis which
/// tests read a mutated line, so it steps aside while Stryker captures coverage (<see cref="Support.MutationCoverage"/>,
/// docs/testing.md).
/// </summary>
internal static class OfflinePlans
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<OfflineResult>>> Cache = new();

    public static Task<OfflineResult> Of(string stack) => Support.MutationCoverage.IsCapturing
        ? OfflinePlanner.RunAsync(RepoRoot.Path, stack)
        : Cache.GetOrAdd(stack, s => new Lazy<Task<OfflineResult>>(() => OfflinePlanner.RunAsync(RepoRoot.Path, s))).Value;
}
