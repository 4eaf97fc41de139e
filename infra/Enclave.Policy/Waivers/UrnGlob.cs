namespace Enclave.Policy.Waivers;

/// <summary>
/// A waiver's URN glob: <c>*</c> any run of characters (across <c>::</c>, <c>/</c> and <c>$</c> alike), <c>?</c> one
/// character, everything else itself (ordinal). Both the glob (a waiver file) and the URNs (a plan, preview or state)
/// can come from a pull request, so matching must not blow up: a translated regex backtracks exponentially on globs
/// like <c>*a*a*a…*z</c> (a second per match, then a timeout exception, exit 70). This matcher keeps only the last star
/// to fall back to, so its time is at most glob length × URN length, and the glob is capped at
/// <see cref="MaxLength"/> when read. (Path globbing libraries do not fit: their <c>*</c> stops at <c>/</c>.)
/// </summary>
public static class UrnGlob
{
    /// <summary>Longest glob a waiver file may give (real URNs are a few hundred characters).</summary>
    public const int MaxLength = 1024;

    /// <summary>
    /// Most waivers of one file whose glob has a wildcard. An exact URN is found by a lookup; a glob is tried against
    /// each failing finding of its rule (and each resource, for ENC-GOV-901), so their number multiplies the work.
    /// </summary>
    public const int MaxWildcardWaivers = 100;

    /// <summary>Whether the glob has a wildcard (else it matches exactly one URN, itself).</summary>
    public static bool HasWildcard(string glob) => glob.AsSpan().IndexOfAny('*', '?') >= 0;

    public static bool Matches(string glob, string urn)
    {
        int g = 0, u = 0, star = -1, resume = 0;
        while (u < urn.Length)
        {
            if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                resume = u; // the star matches nothing so far; widen it from here when what follows fails
            }
            else if (g < glob.Length && (glob[g] == '?' || glob[g] == urn[u]))
            {
                g++;
                u++;
            }
            else if (star >= 0)
            {
                g = star + 1;
                u = ++resume;
            }
            else return false;
        }
        while (g < glob.Length && glob[g] == '*') g++;
        return g == glob.Length;
    }
}
