namespace Enclave.Policy.Iam;

/// <summary>
/// Case-insensitive <c>*</c> matching for condition patterns (<c>/Create*/</c>, <c>/*-prod/</c>). Linear
/// backtracking on the last star, no regular expressions: a hostile pattern cannot make it blow up.
/// </summary>
internal static class Wildcard
{
    public static bool IsMatch(string text, string pattern)
    {
        int t = 0, p = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
