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

    /// <summary>The unexpired waiver covering this rule and resource, if any.</summary>
    public Waiver? Find(string ruleId, string urn, DateOnly today)
    {
        foreach (var w in Waivers)
            if (!w.IsExpired(today) && w.Matches(ruleId, urn)) return w;
        return null;
    }
}
