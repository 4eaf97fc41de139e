using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules;

/// <summary>
/// Where a rule writes its findings (<see cref="IRule.Evaluate(RuleContext, FindingSink)"/>): the evaluator's sink
/// takes each finding's fields straight into the report's buffer, so a rule that writes here makes no
/// <see cref="Finding"/> object per finding (a 100k-resource run makes ~860k of them, each dead at once) and no
/// iterator. The helpers mirror <see cref="RuleBase"/>'s finding constructors and make the same findings.
/// </summary>
public abstract class FindingSink
{
    /// <param name="ruleId">The id of the rule writing (its findings' <see cref="Finding.RuleId"/>).</param>
    protected FindingSink(string ruleId) => RuleId = ruleId;

    /// <summary>The id of the rule writing.</summary>
    public string RuleId { get; protected set; }

    /// <summary>One finding from its fields (what a <see cref="Finding"/> holds); evidence lines are cut as the
    /// <see cref="Finding"/> constructor cuts them.</summary>
    protected abstract void Write(string ruleId, string urn, Verdict verdict, FindingText text, ImmutableArray<string> details, bool unreadable);

    /// <summary>A finding a rule made as an object (the path of rules that yield findings).</summary>
    public void Add(Finding finding) =>
        Write(finding.RuleId, finding.Urn, finding.Verdict, finding.Text, finding.Details, finding.Unreadable);

    /// <summary>A finding from its fields (<c>new Finding(RuleId, urn, verdict, text, details)</c> without the object).</summary>
    public void Add(string urn, Verdict verdict, FindingText text, ImmutableArray<string> details = default) =>
        Write(RuleId, urn, verdict, text, Finding.CapDetails(details), false);

    public void Pass(string urn, string message, IEnumerable<string>? details = null) =>
        Write(RuleId, urn, Verdict.Pass, new FindingText(message), Details(details), false);

    public void Fail(string urn, string message, IEnumerable<string>? details = null) =>
        Write(RuleId, urn, Verdict.Fail, new FindingText(message), Details(details), false);

    public void Undetermined(string urn, string message, IEnumerable<string>? details = null) =>
        Write(RuleId, urn, Verdict.Undetermined, new FindingText(message), Details(details), false);

    // The same, for messages written as interpolated strings: the parts are kept, not concatenated (FindingText).
    public void Pass(string urn, FindingTextBuilder message, IEnumerable<string>? details = null) =>
        Write(RuleId, urn, Verdict.Pass, message.ToText(), Details(details), false);

    public void Fail(string urn, FindingTextBuilder message, IEnumerable<string>? details = null) =>
        Write(RuleId, urn, Verdict.Fail, message.ToText(), Details(details), false);

    public void Undetermined(string urn, FindingTextBuilder message, IEnumerable<string>? details = null) =>
        Write(RuleId, urn, Verdict.Undetermined, message.ToText(), Details(details), false);

    /// <summary>A finding from a three-valued outcome (<see cref="RuleBase"/>'s <c>Judge</c>).</summary>
    public void Judge(string urn, Truth outcome, string pass, string fail, string undetermined, IEnumerable<string>? details = null)
    {
        switch (outcome)
        {
            case Truth.True: Pass(urn, pass, details); break;
            case Truth.False: Fail(urn, fail, details); break;
            default: Undetermined(urn, undetermined, details); break;
        }
    }

    /// <summary>A finding from a list of requirements on one resource (<see cref="Assessment.ToFinding"/>).</summary>
    public void Judge(string urn, string subject, Assessment assessment, IEnumerable<string>? details = null)
    {
        var evidence = details?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
        var text = assessment.ToText(subject, out var verdict);
        Write(RuleId, urn, verdict, text, Finding.CapDetails(evidence), false);
    }

    // As RuleBase makes them (an empty list, not none, when no lines are given), then cut as the Finding constructor cuts.
    private static ImmutableArray<string> Details(IEnumerable<string>? details) =>
        details is null ? ImmutableArray<string>.Empty : Finding.CapDetails(details.ToImmutableArray());
}

/// <summary>
/// A sink that makes each finding an object (<see cref="Findings"/>): the enumerable path of a rule that writes into a
/// sink (<see cref="SinkRuleBase.Evaluate(RuleContext)"/>: tests, tools, and callers that read a rule's findings).
/// </summary>
public sealed class FindingList(string ruleId) : FindingSink(ruleId)
{
    public List<Finding> Findings { get; } = [];

    protected override void Write(string ruleId, string urn, Verdict verdict, FindingText text, ImmutableArray<string> details, bool unreadable) =>
        Findings.Add(new Finding(ruleId, urn, verdict, text, details, unreadable));
}
