namespace Enclave.Policy.Waivers;

/// <summary>
/// A waiver's URN glob: <c>*</c> any run of characters (across <c>::</c>, <c>/</c> and <c>$</c> alike), <c>?</c> one
/// character, everything else itself (ordinal). Both the glob (a waiver file) and the URNs (a plan, preview or state)
/// can come from a pull request, so matching must not blow up: a translated regex backtracks exponentially on globs
/// like <c>*a*a*a…*z</c> (a second per match, then a timeout exception, exit 70), and a greedy matcher that falls back
/// to its last star still took glob × URN steps (<c>*aaa…ab</c> against a run of <c>a</c>: 100 such waivers on 2,000
/// resources were 11 s of CPU). That matcher still answers first, as it takes about one pass for most globs; once it
/// has spent a few passes, the glob is run as an automaton whose states (one per glob character) are the bits of a few
/// machine words, all advanced together per URN character: time is URN length × (glob length / 64), no fallback. The glob is capped at <see cref="MaxLength"/> when read, so that is at most 17 words a character.
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
    public static bool Matches(string glob, string urn) => Matches(glob, urn, out _);

    /// <summary>Whether <paramref name="glob"/> matches the whole of <paramref name="urn"/>, and the steps it took
    /// (<see cref="GlobWorkBudget"/>: a URN character read by the greedy matcher, or by each word of the automaton).</summary>
    public static bool Matches(string glob, string urn, out long steps)
    {
        if (!HasWildcard(glob))
        {
            steps = 1;
            return string.Equals(glob, urn, StringComparison.Ordinal);
        }
        // What follows the last star must end the URN: most globs name a resource (`*::nat-gateway`) and most URNs are
        // told apart there, at the cost of the tail, before any pass over the whole URN.
        if (!TailFits(glob, urn, out steps)) return false;
        // Every literal run of the glob must occur in the URN, whatever the stars take: the longest one (a type token,
        // `::oci:Core/vcn:Vcn::team-7-`) rules out almost every URN of a large state in one vectorised search, so 100
        // globs over 200k resources no longer read every URN character for each (1–2 of the 4 billion steps; now a
        // few hundred million). A glob of short literals (`*a*a*…*b`) passes this filter and pays as before.
        var literals = Literals.GetValue(glob, static g => new GlobLiterals(g));
        if (!urn.StartsWith(literals.Prefix, StringComparison.Ordinal))
        {
            steps += 1 + literals.Prefix.Length / VectorWidth;
            return false;
        }
        if (literals.Longest.Length > 1)
        {
            steps += 1 + urn.Length / VectorWidth;
            if (!urn.AsSpan().Contains(literals.Longest.AsSpan(), StringComparison.Ordinal)) return false;
        }
        // Most globs are answered by the greedy matcher in about one pass; past a few passes it is on a glob that would
        // make it fall back at every character, and the automaton (one pass, a word per 64 glob characters) answers.
        var greedyBudget = 4L * (glob.Length + urn.Length);
        var left = greedyBudget;
        var greedy = Greedy(glob, urn, ref left);
        steps += greedyBudget - left;
        if (greedy is { } answer) return answer;
        var automaton = Compiled.GetValue(glob, static g => new GlobAutomaton(g));
        var matched = automaton.Matches(urn, out var read);
        steps += read * automaton.Words;
        return matched;
    }

    /// <summary>Whether the glob's part after its last <c>*</c> (literals and <c>?</c>) can end the URN, in steps of that part.</summary>
    private static bool TailFits(string glob, string urn, out long steps)
    {
        var tail = glob.Length - 1 - glob.LastIndexOf('*');
        steps = 1;
        if (tail > urn.Length) return false;
        for (int g = glob.Length - 1, u = urn.Length - 1; g >= glob.Length - tail; g--, u--, steps++)
            if (glob[g] != '?' && glob[g] != urn[u]) return false;
        return true;
    }

    /// <summary>The last-star matcher, given up (null) once <paramref name="budget"/> steps are spent.</summary>
    private static bool? Greedy(string glob, string urn, ref long budget)
    {
        int g = 0, u = 0, star = -1, resume = 0;
        while (u < urn.Length)
        {
            if (--budget < 0) return null;
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

    /// <summary>
    /// Characters a vectorised search reads in about the time the matcher reads one (a step of the budget): searches
    /// compare 16 or 32 characters an instruction; counted at 16.
    /// </summary>
    private const int VectorWidth = 16;

    /// <summary>A glob's literal prefix (before its first wildcard) and its longest run of literal characters.</summary>
    private sealed class GlobLiterals
    {
        public GlobLiterals(string glob)
        {
            var first = glob.AsSpan().IndexOfAny('*', '?');
            Prefix = glob[..first];
            Longest = glob.Split(['*', '?']).MaxBy(run => run.Length) ?? "";
        }

        public string Prefix { get; }
        public string Longest { get; }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, GlobLiterals> Literals = new();

    /// <summary>One automaton per glob string (a waiver's, read once), kept while the glob lives.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, GlobAutomaton> Compiled = new();
}
