using System.Collections.Immutable;
using Pulumirpc;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>One RegisterResource call: the request as sent and the URN/ID the engine answered.</summary>
public sealed record Registration(RegisterResourceRequest Request, string Urn, string Id)
{
    public string Type => Request.Type;
    public string Name => Request.Name;
}

/// <summary>
/// Everything a program sent to the fake engine, in arrival order, plus the protocol rules it broke
/// (<see cref="Violations"/>: each says which request and which rule). Thread-safe.
/// </summary>
public sealed class EngineRecording
{
    private readonly object _lock = new();
    private readonly List<Registration> _registrations = new();
    private readonly List<RegisterResourceOutputsRequest> _outputs = new();
    private readonly List<ResourceInvokeRequest> _invokes = new();
    private readonly List<ReadResourceRequest> _reads = new();
    private readonly List<string> _featureQueries = new();
    private readonly List<LogRequest> _logs = new();
    private readonly List<string> _violations = new();
    private int _shutdownSignals;

    public ImmutableArray<Registration> Registrations => Snapshot(_registrations);
    public ImmutableArray<RegisterResourceOutputsRequest> Outputs => Snapshot(_outputs);
    public ImmutableArray<ResourceInvokeRequest> Invokes => Snapshot(_invokes);
    public ImmutableArray<ReadResourceRequest> Reads => Snapshot(_reads);
    public ImmutableArray<string> FeatureQueries => Snapshot(_featureQueries);
    public ImmutableArray<LogRequest> Logs => Snapshot(_logs);
    public ImmutableArray<string> Violations => Snapshot(_violations);

    public int ShutdownSignals
    {
        get
        {
            lock (_lock)
            {
                return _shutdownSignals;
            }
        }
    }

    public IEnumerable<LogRequest> Errors => Logs.Where(l => l.Severity == LogSeverity.Error);

    public Registration Single(string type, string name) => Registrations.Single(r => r.Type == type && r.Name == name);

    internal void Add(Registration registration) => Locked(() => _registrations.Add(registration));
    internal void Add(RegisterResourceOutputsRequest request) => Locked(() => _outputs.Add(request));
    internal void Add(ResourceInvokeRequest request) => Locked(() => _invokes.Add(request));
    internal void Add(ReadResourceRequest request) => Locked(() => _reads.Add(request));
    internal void AddFeatureQuery(string id) => Locked(() => _featureQueries.Add(id));
    internal void Add(LogRequest request) => Locked(() => _logs.Add(request));
    internal void Violation(string message) => Locked(() => _violations.Add(message));
    internal void Shutdown() => Locked(() => _shutdownSignals++);

    private void Locked(Action action)
    {
        lock (_lock)
        {
            action();
        }
    }

    private ImmutableArray<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return list.ToImmutableArray();
        }
    }
}
