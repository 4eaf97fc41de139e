using System.Collections.Immutable;

namespace Pulumi.Testing;

/// <summary>
/// Answers the resource monitor's calls in test mode: what a provider would return for a new resource or an
/// invoke. Inputs arrive deserialized (secrets unwrapped, unknowns and nulls dropped, numbers as double).
/// </summary>
public interface IMocks
{
    /// <summary>Returns the resource's ID (null: none) and its output state keyed by wire names.</summary>
    Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args);

    /// <summary>Returns the result of a provider function, keyed by wire names.</summary>
    Task<object> CallAsync(MockCallArgs args);

    /// <summary>Observes outputs registered by components and the stack. Optional.</summary>
    Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args) => Task.CompletedTask;
}

/// <summary>What the program asked to create or read.</summary>
public class MockResourceArgs
{
    public string? Type { get; set; }

    public string? Name { get; set; }

    public ImmutableDictionary<string, object> Inputs { get; set; } = null!;

    public string? Provider { get; set; }

    /// <summary>The import ID or the ID being read ("" when none).</summary>
    public string? Id { get; set; }
}

/// <summary>What the program asked a provider function to compute.</summary>
public class MockCallArgs
{
    public string? Token { get; set; }

    public ImmutableDictionary<string, object> Args { get; set; } = null!;

    public string? Provider { get; set; }
}

/// <summary>Outputs registered for a component or stack URN.</summary>
public class MockRegisterResourceOutputsRequest
{
    public readonly string Urn;

    public readonly ImmutableDictionary<string, Output<object?>> Outputs;

    public MockRegisterResourceOutputsRequest(string urn, ImmutableDictionary<string, Output<object?>> outputs)
    {
        Urn = urn;
        Outputs = outputs;
    }
}

/// <summary>Settings of a test deployment. Note that <see cref="IsPreview"/> defaults to true.</summary>
public class TestOptions
{
    public string? ProjectName { get; set; }

    public string? RootDirectory { get; set; }

    public string? StackName { get; set; }

    public bool? IsPreview { get; set; }

    public string? OrganizationName { get; set; }
}

/// <summary>Mocks that echo inputs back as outputs and arguments back as results.</summary>
public class EmptyMocks : IMocks
{
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        => Task.FromResult<(string?, object)>((null, args.Inputs));

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);
}
