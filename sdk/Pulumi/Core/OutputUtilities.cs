using System.Collections.Immutable;

namespace Pulumi.Utilities;

/// <summary>Low-level access to an output's value and metadata (mainly for tests and library authors).</summary>
public static class OutputUtilities
{
    /// <summary>The value; <c>default</c> when the output is unknown (never waits for a value that will not come).</summary>
    public static async Task<T> GetValueAsync<T>(Output<T> output)
        => (await output.DataTask.ConfigureAwait(false)).Value;

    public static async Task<bool> GetIsKnownAsync<T>(Output<T> output)
        => (await output.DataTask.ConfigureAwait(false)).IsKnown;

    public static async Task<ImmutableHashSet<Resource>> GetDependenciesAsync<T>(Output<T> output)
        => (await output.DataTask.ConfigureAwait(false)).Resources;

    public static Output<T> CreateUnknown<T>(T value) => Output<T>.CreateUnknown(value);

    public static Output<T> CreateUnknown<T>(Func<Task<T>> valueFactory)
        => new(CreateUnknownAsync(valueFactory));

    private static async Task<OutputData<T>> CreateUnknownAsync<T>(Func<Task<T>> valueFactory)
    {
        var value = await valueFactory().ConfigureAwait(false);
        return new OutputData<T>(ImmutableHashSet<Resource>.Empty, value, false, false);
    }

    public static Output<T> WithDependency<T>(Output<T> output, Resource resource) => output.WithDependency(resource);
}
