using System.Collections.Immutable;

namespace Enclave.Policy.Waivers;

/// <summary>The waivers of one waiver file (or none). Matching is first-listed-wins among unexpired waivers.</summary>
public sealed class WaiverSet
{
    public static readonly WaiverSet Empty = new([], null);

    public WaiverSet(IEnumerable<Waiver> waivers, string? source)
    {
        Waivers = waivers.ToImmutableArray();
        Source = source;
    }

    public ImmutableArray<Waiver> Waivers { get; }
    /// <summary>The file the waivers came from.</summary>
    public string? Source { get; }

    /// <summary>
    /// The waivers that may suppress findings on <paramref name="graph"/>: all but those whose URN glob matches more
    /// than one of its resources without saying so (<see cref="WaiverLimits.TooBroad"/>; ENC-GOV-901 fails those).
    /// </summary>
    public WaiverSet UsableOn(Graph.ResourceGraph graph)
    {
        if (Waivers.IsEmpty) return this;
        var usable = Waivers.Where(w => !WaiverLimits.TooBroad(w, graph)).ToList();
        return usable.Count == Waivers.Length ? this : new WaiverSet(usable, Source);
    }

    /// <summary>The unexpired waiver covering this rule and resource, if any.</summary>
    public Waiver? Find(string ruleId, string urn, DateOnly today)
    {
        foreach (var w in Waivers)
            if (!w.IsExpired(today) && w.Matches(ruleId, urn)) return w;
        return null;
    }
}
