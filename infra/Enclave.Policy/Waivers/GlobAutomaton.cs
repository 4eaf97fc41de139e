namespace Enclave.Policy.Waivers;

/// <summary>
/// A URN glob (<c>*</c>, <c>?</c>, literals) as a bit-parallel automaton (shift-and): state <c>i</c> means "the first
/// <c>i</c> glob tokens match what was read", one bit each. Per URN character every state advances at once: a literal
/// or <c>?</c> token moves its state one bit on, a <c>*</c> token's state stays (it takes any character), and a state
/// before a <c>*</c> also holds the state after it (the star taking nothing). So a match costs one pass over the URN, a
/// few word operations per character, whatever the glob.
/// </summary>
internal sealed class GlobAutomaton
{
    private readonly int _words;
    private readonly int _final;
    private readonly ulong[] _any;    // '?' tokens: the state after them, reached on any character
    private readonly ulong[] _stars;  // '*' tokens: the state after them, kept on any character and entered for free
    private readonly ulong[][] _ascii = new ulong[128][];
    private readonly Dictionary<char, ulong[]> _other = [];
    private readonly ulong[] _none;

    public GlobAutomaton(string glob)
    {
        var tokens = new List<char>(glob.Length);
        foreach (var c in glob)
            if (!(c == '*' && tokens.Count > 0 && tokens[^1] == '*')) tokens.Add(c); // "**" is "*"
        _final = tokens.Count;
        _words = tokens.Count / 64 + 1;
        _any = new ulong[_words];
        _stars = new ulong[_words];
        _none = new ulong[_words];
        for (var i = 0; i < tokens.Count; i++)
        {
            var bit = i + 1;
            var mask = tokens[i] switch { '*' => _stars, '?' => _any, var c => Literal(c) };
            mask[bit >> 6] |= 1UL << (bit & 63);
        }
    }

    /// <summary>Machine words a URN character costs (one per 64 states).</summary>
    public int Words => _words;

    public bool Matches(string urn) => Matches(urn, out _);

    /// <param name="read">URN characters read before the answer was known.</param>
    public bool Matches(string urn, out long read)
    {
        Span<ulong> states = stackalloc ulong[_words];
        states[0] = 1;
        TakeStars(states);
        read = 0;
        foreach (var c in urn)
        {
            read++;
            var literal = c < 128 ? _ascii[c] ?? _none : _other.GetValueOrDefault(c, _none);
            ulong carry = 0, alive = 0;
            for (var w = 0; w < _words; w++)
            {
                var held = states[w];
                var moved = (held << 1) | carry;
                carry = held >> 63;
                states[w] = (moved & (literal[w] | _any[w])) | (held & _stars[w]);
                alive |= states[w];
            }
            if (alive == 0) return false;
            TakeStars(states);
        }
        return (states[_final >> 6] >> (_final & 63) & 1) != 0;
    }

    /// <summary>A star may take nothing: the state before it also holds the state after it (stars never follow stars).</summary>
    private void TakeStars(Span<ulong> states)
    {
        ulong carry = 0;
        for (var w = 0; w < _words; w++)
        {
            var held = states[w];
            states[w] = held | (((held << 1) | carry) & _stars[w]);
            carry = held >> 63;
        }
    }

    private ulong[] Literal(char c)
    {
        if (c < 128) return _ascii[c] ??= new ulong[_words];
        if (!_other.TryGetValue(c, out var mask)) _other[c] = mask = new ulong[_words];
        return mask;
    }
}
