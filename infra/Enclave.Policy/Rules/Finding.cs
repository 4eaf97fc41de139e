using System.Collections.Immutable;

namespace Enclave.Policy.Rules;

/// <summary>Outcome of one rule on one resource.</summary>
public enum Verdict
{
    Pass,
    Fail,
    /// <summary>The rule met a value not known until deploy (or a secret): neither pass nor fail.</summary>
    Undetermined,
}

/// <summary>
/// One rule's verdict on one resource (or on the stack, with the stack URN). <see cref="Details"/> carries
/// evidence lines such as the policy statement that grants, or the hops of an open network path.
/// Messages never contain secret values: rules only ever see <see cref="Graph.SecretValue"/>.
/// </summary>
public sealed record Finding
{
    public Finding(string ruleId, string urn, Verdict verdict, string message, ImmutableArray<string> details = default)
        : this(ruleId, urn, verdict, new FindingText(message), details)
    {
    }

    /// <param name="text">The message, kept in parts until read (see <see cref="FindingText"/>).</param>
    public Finding(string ruleId, string urn, Verdict verdict, FindingText text, ImmutableArray<string> details = default)
    {
        RuleId = ruleId;
        Urn = urn;
        Verdict = verdict;
        Text = text;
        Details = CapDetails(details);
    }

    /// <summary>Evidence lines quote the artifact too (a statement, a path's hops): each is cut like a message part.</summary>
    internal static ImmutableArray<string> CapDetails(ImmutableArray<string> details) =>
        details.IsDefaultOrEmpty || details.All(d => d is null || d.Length <= FindingText.MaxPartLength)
            ? details : details.Select(d => FindingText.Capped(d)!).ToImmutableArray();

    /// <summary>A finding from fields another finding had (a report's <see cref="Engine.ReportedFinding"/>): kept as they are.</summary>
    internal Finding(string ruleId, string urn, Verdict verdict, FindingText text, ImmutableArray<string> details, bool unreadable)
    {
        RuleId = ruleId;
        Urn = urn;
        Verdict = verdict;
        Text = text;
        Details = details;
        Unreadable = unreadable;
    }

    public string RuleId { get; init; }
    public string Urn { get; init; }
    public Verdict Verdict { get; init; }
    public FindingText Text { get; init; }
    public ImmutableArray<string> Details { get; init; }

    /// <summary>
    /// True when the rule could not decide and the gate counts that against the change (<see cref="Engine.FailClosed"/>):
    /// the verdict is then <see cref="Verdict.Fail"/> and the message says what could not be read.
    /// </summary>
    public bool Unreadable { get; init; }

    /// <summary>The message (made from <see cref="Text"/> on each read).</summary>
    public string Message => Text.ToString();

    public ImmutableArray<string> Evidence => Details.IsDefault ? ImmutableArray<string>.Empty : Details;
}
