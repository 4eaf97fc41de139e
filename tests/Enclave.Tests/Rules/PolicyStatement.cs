using System.Text.RegularExpressions;

namespace Enclave.Tests.Rules;

/// <summary>
/// An OCI policy statement, parsed independently of the program's builders:
/// <c>allow &lt;subject&gt; to &lt;verb&gt; &lt;resource&gt; in &lt;location&gt; [where &lt;condition&gt;]</c>.
/// Anything else (define, endorse, admit, deny, malformed) keeps only <see cref="Keyword"/>.
/// </summary>
public sealed partial record PolicyStatement(string Text, string Keyword, string Subject, string Verb, string Resource,
    string Location, string Condition)
{
    public static readonly string[] Verbs = ["inspect", "read", "use", "manage"];

    public static PolicyStatement Parse(string text)
    {
        var trimmed = text.Trim();
        var match = AllowPattern().Match(trimmed);
        var keyword = trimmed.Split(' ', 2)[0].ToLowerInvariant();
        return match.Success
            ? new PolicyStatement(trimmed, "allow", match.Groups["subject"].Value.Trim(),
                match.Groups["verb"].Value.ToLowerInvariant(), match.Groups["resource"].Value.ToLowerInvariant(),
                match.Groups["location"].Value.Trim(), match.Groups["condition"].Value.Trim())
            : new PolicyStatement(trimmed, keyword, "", "", "", "", "");
    }

    public bool InTenancy => Location.Equals("tenancy", StringComparison.OrdinalIgnoreCase);

    /// <summary>The compartment OCID of a <c>compartment id X</c> location, else null.</summary>
    public string? CompartmentId => Location.StartsWith("compartment id ", StringComparison.OrdinalIgnoreCase)
        ? Location["compartment id ".Length..].Trim() : null;

    public int VerbLevel => Array.IndexOf(Verbs, Verb);

    /// <summary>The where-clause with whitespace and quotes removed (how the CIS script compares conditions).</summary>
    public string CompactCondition => Regex.Replace(Condition, @"[\s'""]", "").ToLowerInvariant();

    public bool HasCondition(string compactClause) =>
        CompactCondition.Contains(Regex.Replace(compactClause, @"[\s'""]", "").ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>True when the subject is the given group (plain or domain-qualified).</summary>
    public bool IsGroup(string groupName) =>
        Subject.StartsWith("group ", StringComparison.OrdinalIgnoreCase) &&
        Subject[6..].Replace("'", "").Split('/').Last().Trim().Equals(groupName, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^allow\s+(?<subject>.+?)\s+to\s+(?<verb>inspect|read|use|manage)\s+(?<resource>\S+)\s+in\s+(?<location>tenancy|compartment\s+id\s+\S+|compartment\s+\S+)(\s+where\s+(?<condition>.+))?$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AllowPattern();
}
