namespace Enclave.Policy.Iam;

/// <summary>
/// A cursor over one statement. Tokens are read on demand because the same character means different things in
/// different places (<c>/</c> separates a domain from a group name, but delimits a pattern in a condition).
/// Every method that reads skips whitespace first and either consumes at least one character or nothing, which
/// is what guarantees the parser terminates. A struct held by the parser: one parse, one cursor, no allocation.
/// </summary>
internal struct Scanner(string text, WordPool? words)
{
    private int _pos;

    // The word found at _wordStart (ending at _wordEnd): the parser tries several keywords at one position, and
    // each try would otherwise scan the word again.
    private int _wordStart = -1;
    private int _wordEnd;

    public readonly string Text { get; } = text;

    /// <summary>The 0-based index of the next token (after whitespace).</summary>
    public int Next()
    {
        while (_pos < Text.Length && char.IsWhiteSpace(Text[_pos])) _pos++;
        return _pos;
    }

    public bool AtEnd() => Next() >= Text.Length;

    /// <summary>The next non-white character, or null at the end.</summary>
    public char? PeekChar() => Next() < Text.Length ? Text[_pos] : null;

    public bool TryChar(char c)
    {
        if (PeekChar() != c) return false;
        _pos++;
        return true;
    }

    /// <summary>Consumes <paramref name="s"/> if the input continues with it (used for <c>!=</c>).</summary>
    public bool TrySymbol(string s)
    {
        Next();
        if (!Text.AsSpan(_pos).StartsWith(s, StringComparison.Ordinal)) return false;
        _pos += s.Length;
        return true;
    }

    private readonly int WordEnd(int from)
    {
        var end = from;
        while (end < Text.Length && Lexical.IsWordChar(Text[end])) end++;
        return end;
    }

    public ReadOnlySpan<char> PeekWord()
    {
        var start = Next();
        if (start != _wordStart)
        {
            _wordStart = start;
            _wordEnd = WordEnd(start);
        }
        return Text.AsSpan(start, _wordEnd - start);
    }

    public bool PeekKeyword(string keyword) => PeekWord().Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public bool TryKeyword(string keyword)
    {
        if (!PeekKeyword(keyword)) return false;
        _pos += keyword.Length;
        return true;
    }

    /// <summary>
    /// Consumes the next word if, lowered, it is <paramref name="keyword"/> (lower case). The statement's first word
    /// has always been read this way, which is not quite <see cref="TryKeyword"/>'s case-insensitive comparison.
    /// </summary>
    public bool TryLoweredWord(string keyword)
    {
        var word = PeekWord();
        if (word.Length != keyword.Length) return false;
        for (var i = 0; i < word.Length; i++)
            if (char.ToLowerInvariant(word[i]) != keyword[i]) return false;
        _pos += word.Length;
        return true;
    }

    /// <summary>The next word, or null (nothing consumed) when the next token is not a word.</summary>
    public string? TryWord() => TryWord(WordCase.AsWritten);

    /// <summary>The next word in the given case (resource types are lower case, permissions upper case).</summary>
    public string? TryWord(WordCase wordCase)
    {
        var word = PeekWord();
        if (word.IsEmpty) return null;
        _pos += word.Length;
        if (wordCase == WordCase.AsWritten || !NeedsCase(word, wordCase)) return Keep(word);
        // Rarely needed (policies are written in the canonical case), so a heap buffer is fine.
        var changed = new char[word.Length];
        if (wordCase == WordCase.Lower) word.ToLowerInvariant(changed);
        else word.ToUpperInvariant(changed);
        return Keep(changed);
    }

    /// <summary>The first non-white character after the next word (lookahead for <c>all {</c>).</summary>
    public char? CharAfterWord()
    {
        var i = Next() + PeekWord().Length;
        while (i < Text.Length && char.IsWhiteSpace(Text[i])) i++;
        return i < Text.Length ? Text[i] : null;
    }

    /// <summary>
    /// Reads text up to the closing <paramref name="delimiter"/>; the opening one has been consumed. Returns null
    /// (and consumes nothing more) when it is missing.
    /// </summary>
    public string? TryDelimited(char delimiter)
    {
        var close = Text.IndexOf(delimiter, _pos);
        if (close < 0) return null;
        var content = Keep(Text.AsSpan(_pos, close - _pos));
        _pos = close + 1;
        return content;
    }

    private readonly string Keep(ReadOnlySpan<char> word) => words?.Get(word) ?? word.ToString();

    private static bool NeedsCase(ReadOnlySpan<char> word, WordCase wordCase)
    {
        foreach (var c in word)
            if (wordCase == WordCase.Lower ? char.ToLowerInvariant(c) != c : char.ToUpperInvariant(c) != c) return true;
        return false;
    }
}

/// <summary>How <see cref="Scanner.TryWord(WordCase)"/> returns a word.</summary>
internal enum WordCase
{
    AsWritten,
    Lower,
    Upper,
}
