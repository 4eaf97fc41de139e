using System.Collections.Immutable;

namespace Pulumi.Utilities;

/// <summary>Low-level access to an output's value and metadata (mainly for tests and library authors).</summary>
public static class OutputUtilities
{
    /// <summary>
    /// The value; <c>default</c> when the output is unknown, even one that holds a value (as officially); never waits
    /// for a value that will not come.
    /// </summary>
    public static Task<T> GetValueAsync<T>(Output<T> output)
        => output.GetValueAsync(whenUnknown: default!);

    public static async Task<bool> GetIsKnownAsync<T>(Output<T> output)
        => (await output.DataTask.ConfigureAwait(false)).IsKnown;

    public static async Task<ImmutableHashSet<Resource>> GetDependenciesAsync<T>(Output<T> output)
        => (await output.DataTask.ConfigureAwait(false)).Resources;

    public static Output<T> CreateUnknown<T>(T value) => Output<T>.CreateUnknown(value);

    /// <summary>An Apply on an unknown, as officially (which runs the factory in an update; here Apply skips unknowns).</summary>
    public static Output<T> CreateUnknown<T>(Func<Task<T>> valueFactory)
        => Output<T>.CreateUnknown().Apply(_ => valueFactory());

    public static Output<T> WithDependency<T>(Output<T> output, Resource resource) => output.WithDependency(resource);
}
