using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Enclave.Tests.Support;

/// <summary>The mock engine of a run: answers from the fake cloud and records every registration (after the
/// variant's mutation, which is also what the program sees back as state).</summary>
public sealed class RecordingMocks(LocalCloud cloud, Func<Registered, Registered>? mutate) : IMocks
{
    public ConcurrentQueue<Registered> Registrations { get; } = new();

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var (id, state) = cloud.NewResource(args);
        var record = new Registered(args.Type ?? "", args.Name ?? "",
            args.Inputs ?? ImmutableDictionary<string, object>.Empty, args.Provider ?? "", id, state);
        if (mutate is not null)
        {
            var mutated = mutate(record);
            record = mutated with { State = mutated.Inputs.SetItems(state.Where(kv => !record.Inputs.ContainsKey(kv.Key))) };
        }
        Registrations.Enqueue(record);
        return Task.FromResult<(string?, object)>((id, record.State));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult(cloud.Call(args));
}
