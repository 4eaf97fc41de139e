namespace Enclave.Policy.Iam;

/// <summary>
/// The words of one policy set's statements, each kept once. Statements repeat group names, resource types,
/// variables and values; a parse looks each word up here (by span, so a word seen before costs no string) and
/// the trees of a set share their strings. A pool lives only as long as the parse of one set.
/// </summary>
internal sealed class WordPool
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public WordPool() => _bySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="word"/>.</summary>
    public string Get(ReadOnlySpan<char> word)
    {
        if (_bySpan.TryGetValue(word, out var known)) return known;
        var added = word.ToString();
        _words.Add(added);
        return added;
    }
}
