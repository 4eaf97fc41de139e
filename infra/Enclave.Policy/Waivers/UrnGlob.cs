namespace Enclave.Policy.Waivers;

/// <summary>
/// A waiver's URN glob: <c>*</c> any run of characters (across <c>::</c>, <c>/</c> and <c>$</c> alike), <c>?</c> one
/// character, everything else itself (ordinal). Both the glob (a waiver file) and the URNs (a plan, preview or state)
/// can come from a pull request, so matching must not blow up: a translated regex backtracks exponentially on globs
/// like <c>*a*a*a…*z</c> (a second per match, then a timeout exception, exit 70), and a greedy matcher that falls back
/// to its last star still took glob × URN steps (<c>*aaa…ab</c> against a run of <c>a</c>: 100 such waivers on 2,000
/// resources were 11 s of CPU). A glob is therefore run as an automaton whose states (one per glob character) are the
/// bits of a few machine words, all advanced together per URN character: time is URN length × (glob length / 64), with
/// no fallback at all. The glob is capped at <see cref="MaxLength"/> when read, so that is at most 17 words a character.
/// (Path globbing libraries do not fit: their <c>*</c> stops at <c>/</c>.)
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

    /// <summary>Whether <paramref name="glob"/> matches the whole of <paramref name="urn"/>.</summary>
    public static bool Matches(string glob, string urn) =>
        HasWildcard(glob) ? Compiled.GetValue(glob, static g => new GlobAutomaton(g)).Matches(urn) : string.Equals(glob, urn, StringComparison.Ordinal);

    /// <summary>One automaton per glob string (a waiver's, read once), kept while the glob lives.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, GlobAutomaton> Compiled = new();
}
