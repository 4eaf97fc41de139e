using System.Net.Sockets;

namespace Enclave.Policy.Network;

/// <summary>
/// The union of many CIDR blocks, merged once into disjoint address ranges (per family, in address order), so that
/// "does the union hold every address of this block" is a binary search. <see cref="Cidr.IsCoveredBy"/> answers the
/// same question by sweeping every block, which is quadratic when every security rule of a 100k-resource graph asks
/// it of every VCN's range (ENC-NET-030).
/// </summary>
public sealed class CidrCover
{
    private readonly Range[] _ranges;

    private readonly record struct Range(AddressFamily Family, UInt128 First, UInt128 Last);

    public CidrCover(IEnumerable<Cidr> blocks)
    {
        var sorted = blocks.Select(b => new Range(b.Family, b.First, b.Last)).ToArray();
        Array.Sort(sorted, Compare);
        var merged = new List<Range>(sorted.Length);
        foreach (var r in sorted)
        {
            // Overlapping or adjacent ranges of one family become one (Last + 1 is never taken at the top of the space).
            if (merged.Count > 0 && merged[^1] is var last && last.Family == r.Family
                && (r.First <= last.Last || r.First - 1 == last.Last))
            {
                if (r.Last > last.Last) merged[^1] = last with { Last = r.Last };
                continue;
            }
            merged.Add(r);
        }
        _ranges = [.. merged];
    }

    /// <summary>True when every address of <paramref name="block"/> lies in the union (as <see cref="Cidr.IsCoveredBy"/>).</summary>
    public bool Covers(Cidr block)
    {
        // The last range starting at or before the block's first address is the only one that can hold it whole.
        int lo = 0, hi = _ranges.Length - 1, found = -1;
        var key = new Range(block.Family, block.First, block.First);
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (Compare(_ranges[mid], key) <= 0) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && _ranges[found].Family == block.Family && _ranges[found].Last >= block.Last;
    }

    private static int Compare(Range a, Range b) =>
        a.Family != b.Family ? ((int)a.Family).CompareTo((int)b.Family) : a.First.CompareTo(b.First);
}
