using System.Collections.Concurrent;
using System.Collections.Immutable;
using Enclave.Offline.Fakes;
using Moq;
using Pulumi.Testing;

namespace Enclave.Tests.Support;

/// <summary>
/// The mock engine of a run: a <c>Mock&lt;IMocks&gt;</c> answering from the offline runner's fake cloud
/// (<see cref="FakeCloudMocks"/>: realistic invoke answers, deterministic ids and computed outputs) that records
/// every registration, after the variant's mutation (which is also what the program sees back as state).
/// </summary>
public sealed class RecordingMocks
{
    private readonly FakeCloudMocks _cloud;
    private readonly Func<Registered, Registered>? _mutate;

    public RecordingMocks(FakeCloud cloud, string defaultRegion, Func<Registered, Registered>? mutate,
        Func<string, object, object>? editAnswer = null)
    {
        _cloud = new FakeCloudMocks(cloud, defaultRegion);
        _mutate = mutate;
        Mock = new Mock<IMocks>(MockBehavior.Strict);
        Mock.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).Returns<MockResourceArgs>(NewResourceAsync);
        Mock.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).Returns<MockCallArgs>(async args =>
            editAnswer is null ? await _cloud.CallAsync(args) : editAnswer(args.Token ?? "", await _cloud.CallAsync(args)));
        Mock.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>())).Returns(Task.CompletedTask);
    }

    public Mock<IMocks> Mock { get; }

    public ConcurrentQueue<Registered> Registrations { get; } = new();

    private async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var (id, state) = await _cloud.NewResourceAsync(args);
        var outputs = ((IDictionary<string, object>)state).ToImmutableDictionary();
        var record = new Registered(args.Type ?? "", args.Name ?? "",
            args.Inputs ?? ImmutableDictionary<string, object>.Empty, args.Provider ?? "", id ?? "", outputs);
        if (_mutate is not null)
        {
            var mutated = _mutate(record);
            record = mutated with { State = mutated.Inputs.SetItems(outputs.Where(kv => !record.Inputs.ContainsKey(kv.Key))) };
        }
        Registrations.Enqueue(record);
        return (id, record.State);
    }
}
