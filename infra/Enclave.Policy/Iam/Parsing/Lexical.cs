namespace Enclave.Policy.Iam;

/// <summary>Character classes and word shapes shared by the scanner and the printer, so that both agree.</summary>
internal static class Lexical
{
    /// <summary>Characters of a bare word: names, keywords, variables, OCIDs, resource types.</summary>
    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '+' or '@' or '$' or '#';

    /// <summary>A non-empty run of word characters.</summary>
    public static bool IsWord(string s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s)
            if (!IsWordChar(c)) return false;
        return true;
    }

    /// <summary><c>ocid</c>, a version number, a dot: the shape every OCID starts with.</summary>
    public static bool IsOcid(string s)
    {
        if (s.Length < 6 || !s.StartsWith("ocid", StringComparison.OrdinalIgnoreCase)) return false;
        var i = 4;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i > 4 && i < s.Length && s[i] == '.';
    }

    /// <summary>A bare <c>true</c> or <c>false</c>.</summary>
    public static bool IsBoolean(string s) =>
        s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Words the grammar gives a meaning to in some position. The printer quotes names spelled like these so that
    /// the parser cannot read them as keywords.
    /// </summary>
    public static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "allow", "deny", "define", "endorse", "admit", "group", "dynamic-group", "any-user", "any-group", "service",
        "id", "to", "in", "of", "as", "with", "where", "all", "any", "not", "and", "tenancy", "any-tenancy",
        "compartment", "associate", "inspect", "read", "use", "manage", "before", "after", "between",
    };
}
