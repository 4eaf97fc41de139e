using Enclave.Policy.Rules;
using YamlDotNet.RepresentationModel;

namespace Enclave.Policy.Waivers;

/// <summary>
/// The optional keys of one waiver (<c>matches</c>, <c>critical</c>, <c>approver</c>) and the limits every waiver must
/// keep (<see cref="WaiverLimits"/>); each breach is one <see cref="WaiverFileException"/> naming the line, the key and
/// what is valid.
/// </summary>
internal readonly record struct WaiverTerms(bool MatchesMany, bool Critical, string? Approver)
{
    public static WaiverTerms Read(IReadOnlyDictionary<string, YamlScalarNode> fields, string source, int line, RuleInfo rule,
        DateOnly expires, WaiverLimits? limits)
    {
        long LineOf(string key) => fields.TryGetValue(key, out var n) ? n.Start.Line : line;
        string? Text(string key) => fields.TryGetValue(key, out var n) && !string.IsNullOrWhiteSpace(n.Value) ? n.Value.Trim() : null;

        var matches = Text("matches");
        if (matches is not (null or "one" or "many"))
            throw new WaiverFileException(source, $"matches \"{matches}\": expected one or many (say many when the urn glob is meant to cover several resources)", LineOf("matches"));
        var critical = WaiverScalars.Boolean("critical", fields.GetValueOrDefault("critical"), source) ?? false;
        var approver = Text("approver");
        if (approver is not null) NotTooLong("approver", approver, source, LineOf("approver"));
        if (WaiverLimits.IsCritical(rule) && (!critical || approver is null))
            throw new WaiverFileException(source,
                $"rule {rule.Id} is critical and mandatory: its waiver must say `critical: true` and name the `approver` who accepted the risk",
                LineOf(critical ? "approver" : "critical"));
        if (limits is not null && expires > limits.LatestExpiry)
            throw new WaiverFileException(source,
                $"expires {expires.Iso()} is {expires.DayNumber - limits.Today.DayNumber} days away; a waiver lasts at most {limits.MaxDays} days (until {limits.LatestExpiry.Iso()})",
                LineOf("expires"));
        return new WaiverTerms(matches == "many", critical, approver);
    }

    /// <summary>The longest reason or approver a waiver may give: every report that lists the waiver echoes it.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Refuses a text longer than <see cref="MaxTextLength"/> rather than carry it into every report.</summary>
    public static void NotTooLong(string key, string text, string source, long line)
    {
        if (text.Length > MaxTextLength)
            throw new WaiverFileException(source, $"{key} is {text.Length} characters long; at most {MaxTextLength} (link a ticket for the rest)", line);
    }
}
