using System.Collections.Immutable;

namespace Enclave.Policy.Graph;

/// <summary>
/// What an offline run made up instead of asking a cloud, beyond resource ids and computed outputs (which the graph
/// itself shows): the answers of data-source lookups (invokes) and the instant its clock was pinned to. Reports use it
/// to print <c>lookup(oci:Core/getServices)</c> and <c>now + 15 days</c> instead of stand-in values that look real.
/// </summary>
/// <param name="Lookups">Each stand-in value a lookup answered with, and the invoke token that answered it.</param>
/// <param name="Clock">The instant the program's clock read; dates it derived from it are shown relative to "now".</param>
public sealed record FabricatedValues(ImmutableSortedDictionary<string, string> Lookups, DateTimeOffset? Clock)
{
    /// <summary>
    /// The instant offline runs pin the program's clock to (plans are byte-for-byte reproducible). Plan documents
    /// store dates relative to it, and reading one back recomputes them from it.
    /// </summary>
    public static readonly DateTimeOffset ReferenceClock = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An offline run's values with no lookups recorded (plan documents of format version 1).</summary>
    public static FabricatedValues Offline { get; } =
        new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), ReferenceClock);
}
