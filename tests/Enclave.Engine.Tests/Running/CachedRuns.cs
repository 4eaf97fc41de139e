using System.Collections.Concurrent;

namespace Enclave.Engine.Tests.Running;

/// <summary>
/// Each program run is a process start-up; tests that only read what a run recorded share it. A run is made the
/// first time a test asks for its key.
/// </summary>
public sealed class CachedRuns
{
    private readonly ConcurrentDictionary<string, Lazy<Task<EngineRun>>> _runs = new();

    public Task<EngineRun> GetAsync(string key, Func<Task<EngineRun>> run)
        => _runs.GetOrAdd(key, _ => new Lazy<Task<EngineRun>>(run)).Value;
}
