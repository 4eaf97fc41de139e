namespace Enclave.Escaping;

/// <summary>
/// "Did you mean" suggestions for misspelt names (config fields, flags, rule ids): part of every message that refuses
/// a name, so it lives beside the escaper both the program and the gate use.
/// </summary>
public static class Spelling
{
    /// <summary>The candidate closest to <paramref name="word"/> (case-insensitive), if it is close enough to be a typo.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        // A typo is short; comparing a megabyte-long key with every candidate would only cost time.
        if (word.Length > 64) return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best is not null && bestDistance <= Math.Max(2, best.Length / 4) ? best : null;
    }

    /// <summary>The candidate nearest to <paramref name="word"/> however far (exact case first), or null when there is none.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        if (word.Length > 64) word = word[..64];
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            // Case differences count a little: ENC-NET-04 is nearer ENC-NET-004 than enc-net-004 is to anything else.
            var d = 2 * Distance(word.ToLowerInvariant(), c.ToLowerInvariant()) + (Distance(word, c) > 0 ? 1 : 0);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
