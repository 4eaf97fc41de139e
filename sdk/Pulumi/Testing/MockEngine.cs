using System.Collections.Immutable;
using Pulumirpc;

namespace Pulumi.Testing;

/// <summary>The engine in test mode: keeps ERROR messages (they make TestAsync throw) and drops the rest.</summary>
internal sealed class MockEngine : IEngine
{
    private readonly object _lock = new();
    private readonly List<string> _errors = new();

    public ImmutableArray<string> Errors
    {
        get
        {
            lock (_lock)
            {
                return _errors.ToImmutableArray();
            }
        }
    }

    public Task LogAsync(LogRequest request)
    {
        if (request.Severity == LogSeverity.Error)
        {
            lock (_lock)
            {
                _errors.Add(request.Message);
            }
        }
        return Task.CompletedTask;
    }
}
