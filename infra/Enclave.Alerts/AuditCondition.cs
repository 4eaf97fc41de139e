using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Enclave.Alerts;

/// <summary>
/// The filter of an audit-alert connector (its <c>logRule</c> task condition, in the Logging query language): a
/// disjunction of <c>data.eventName = '&lt;Operation&gt;'</c>. The program writes it with <see cref="For"/>; the gate
/// reads it back with <see cref="Operations"/>, which understands that form only: any other expression (an <c>and</c>
/// that narrows it, another field, a negation) is not understood, and so alerts on nothing the gate can vouch for.
/// </summary>
public static partial class AuditCondition
{
    /// <summary>Longest condition read (a condition of every operation of the catalogue is far shorter).</summary>
    public const int MaxLength = 16_384;

    public static string For(IEnumerable<string> operations) =>
        string.Join(" or ", operations.Select(o => $"data.eventName = '{o}'"));

    /// <summary>The operations the condition keeps, or null when it is not a plain disjunction of them.</summary>
    public static ImmutableHashSet<string>? Operations(string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition) || condition.Length > MaxLength) return null;
        var text = condition.Trim();
        if (text.StartsWith('(') && text.EndsWith(')')) text = text[1..^1];
        var operations = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var term in Or().Split(text))
        {
            var match = Term().Match(term);
            if (!match.Success) return null;
            operations.Add(match.Groups[1].Value);
        }
        return operations.ToImmutable();
    }

    [GeneratedRegex(@"\s+or\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Or();

    [GeneratedRegex(@"^\s*data\.eventName\s*=\s*'([A-Za-z]{1,128})'\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Term();
}
