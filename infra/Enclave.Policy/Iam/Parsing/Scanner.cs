namespace Enclave.Policy.Iam;

/// <summary>
/// A cursor over one statement. Tokens are read on demand because the same character means different things in
/// different places (<c>/</c> separates a domain from a group name, but delimits a pattern in a condition).
/// Every method that reads skips whitespace first and either consumes at least one character or nothing, which
/// is what guarantees the parser terminates.
/// </summary>
internal sealed class Scanner(string text)
{
    private int _pos;

    public string Text { get; } = text;

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

    private int WordEnd(int from)
    {
        var end = from;
        while (end < Text.Length && Lexical.IsWordChar(Text[end])) end++;
        return end;
    }

    public ReadOnlySpan<char> PeekWord()
    {
        var start = Next();
        return Text.AsSpan(start, WordEnd(start) - start);
    }

    public bool PeekKeyword(string keyword) => PeekWord().Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public bool TryKeyword(string keyword)
    {
        if (!PeekKeyword(keyword)) return false;
        _pos += keyword.Length;
        return true;
    }

    /// <summary>The next word, or null (nothing consumed) when the next token is not a word.</summary>
    public string? TryWord()
    {
        var word = PeekWord();
        if (word.IsEmpty) return null;
        _pos += word.Length;
        return word.ToString();
    }

    /// <summary>The first non-white character after the next word (lookahead for <c>all {</c>).</summary>
    public char? CharAfterWord()
    {
        var i = WordEnd(Next());
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
        var content = Text[_pos..close];
        _pos = close + 1;
        return content;
    }
}
