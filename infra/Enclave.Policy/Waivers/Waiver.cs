using System.Text.RegularExpressions;

namespace Enclave.Policy.Waivers;

/// <summary>
/// An accepted risk: findings of <see cref="Rule"/> (an id, or a glob such as <c>ENC-NET-*</c>) on resources whose
/// URN matches <see cref="UrnPattern"/> (glob: <c>*</c> any run of characters, <c>?</c> one) are reported as
/// suppressed, with <see cref="Reason"/>, until <see cref="Expires"/> (inclusive). After that the waiver no longer
/// suppresses and is itself a violation.
/// </summary>
public sealed record Waiver(string Rule, string UrnPattern, string Reason, DateOnly Expires, string? File = null, int Line = 0)
{
    private readonly Regex _rule = Glob(Rule);
    private readonly Regex _urn = Glob(UrnPattern);

    /// <summary>Where the waiver is written, <c>file:line</c>, for messages.</summary>
    public string Location => File is null ? $"waiver {Rule} {UrnPattern}" : $"{File}:{Line}";

    public bool IsExpired(DateOnly today) => today > Expires;

    public bool Matches(string ruleId, string urn) => _rule.IsMatch(ruleId) && _urn.IsMatch(urn);

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
