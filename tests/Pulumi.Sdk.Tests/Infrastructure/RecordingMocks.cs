using System.Collections.Concurrent;
using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;

namespace Pulumi.Sdk.Tests.Infrastructure;

/// <summary>
/// A <see cref="Mock{IMocks}"/> that echoes inputs back as state with id "&lt;name&gt;_id" (overridable per
/// type), echoes invoke args back as results, and records everything it was asked.
/// </summary>
public sealed class RecordingMocks
{
    public Mock<IMocks> Mock { get; } = new();

    public ConcurrentBag<MockResourceArgs> Resources { get; } = new();

    public ConcurrentBag<MockCallArgs> Calls { get; } = new();

    public ConcurrentBag<MockRegisterResourceOutputsRequest> RegisteredOutputs { get; } = new();

    /// <summary>Per resource type: extra state to return on top of the inputs.</summary>
    public Dictionary<string, Func<MockResourceArgs, ImmutableDictionary<string, object>>> ExtraState { get; } = new();

    /// <summary>Per resource type: the id to return (default "&lt;name&gt;_id").</summary>
    public Dictionary<string, Func<MockResourceArgs, string?>> Ids { get; } = new();

    /// <summary>Per invoke token: the result to return (default: the args).</summary>
    public Dictionary<string, Func<MockCallArgs, object>> CallResults { get; } = new();

    public RecordingMocks()
    {
        Mock.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                Resources.Add(args);
                var state = args.Inputs;
                if (ExtraState.TryGetValue(args.Type!, out var extra))
                {
                    state = state.SetItems(extra(args));
                }
                var id = Ids.TryGetValue(args.Type!, out var makeId) ? makeId(args) : args.Name + "_id";
                return (id, (object)state);
            });
        Mock.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) =>
            {
                Calls.Add(args);
                return CallResults.TryGetValue(args.Token!, out var result) ? result(args) : args.Args;
            });
        Mock.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>()))
            .Returns((MockRegisterResourceOutputsRequest request) =>
            {
                RegisteredOutputs.Add(request);
                return Task.CompletedTask;
            });
    }

    public IMocks Object => Mock.Object;

    public MockResourceArgs Single(string type, string name)
        => Resources.Single(r => r.Type == type && r.Name == name);
}
