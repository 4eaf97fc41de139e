using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Enclave.Policy.Rules;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Engine;

/// <summary>How a finding ends up in the report: a waived failure or undetermined finding is <see cref="Suppressed"/>.</summary>
public enum FindingStatus { Pass, Fail, Undetermined, Suppressed }

/// <summary>
/// A rule's finding with its catalogue entry and the waiver that suppressed it, if any. A value, not an object:
/// reports hold hundreds of thousands of them. It keeps the finding's fields, not the <see cref="Rules.Finding"/> a
/// rule made: as objects, ~700k findings of a 100k-resource run lived until the report was built, so every
/// collection of the run copied and marked them; in the report's array they are no objects at all, and the rule's
/// finding dies young. <see cref="Finding"/> makes an equal finding on each read (report writers read it once per
/// finding).
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct ReportedFinding : IEquatable<ReportedFinding>
{
    private readonly string _urn;
    private readonly FindingText _text;
    // Null; the waiver; or an Odd for what few findings have (evidence lines, another rule's id): a run's ~700k
    // findings are one array of these, so every field costs megabytes.
    private readonly object? _extra;
    private readonly byte _verdict;
    private readonly bool _unreadable;

    public ReportedFinding(RuleInfo Rule, Finding Finding, Waiver? Waiver = null)
        : this(Rule, Finding.RuleId, Finding.Urn, Finding.Verdict, Finding.Text, Finding.Details, Finding.Unreadable, Waiver)
    {
    }

    /// <summary>A finding from its fields (the evaluator: no finding object kept, nor made for a fail-closed one).</summary>
    internal ReportedFinding(RuleInfo rule, string ruleId, string urn, Verdict verdict, FindingText text,
        ImmutableArray<string> details, bool unreadable, Waiver? waiver)
    {
        Rule = rule;
        _urn = urn;
        _verdict = (byte)verdict;
        _text = text;
        _unreadable = unreadable;
        var sameRule = string.Equals(ruleId, rule.Id, StringComparison.Ordinal);
        _extra = sameRule && details.IsDefault ? waiver
            : sameRule && waiver is null && details is { IsEmpty: true } ? Odd.NoEvidence
            : new Odd(sameRule ? null : ruleId, details, waiver);
    }

    /// <param name="RuleId">Null when it is <see cref="Rule"/>'s id.</param>
    private sealed record Odd(string? RuleId, ImmutableArray<string> Details, Waiver? Waiver)
    {
        public static readonly Odd NoEvidence = new(null, ImmutableArray<string>.Empty, null);
    }

    private Verdict Verdict => (Verdict)_verdict;

    public RuleInfo Rule { get; }

    /// <summary>The finding (a new, equal object on each read).</summary>
    public Finding Finding => new((_extra as Odd)?.RuleId ?? Rule.Id, _urn, Verdict, _text, (_extra as Odd)?.Details ?? default, _unreadable);

    public Waiver? Waiver => _extra as Waiver ?? (_extra as Odd)?.Waiver;

    public FindingStatus Status => Waiver is not null ? FindingStatus.Suppressed : Verdict switch
    {
        Verdict.Pass => FindingStatus.Pass,
        Verdict.Fail => FindingStatus.Fail,
        _ => FindingStatus.Undetermined,
    };

    public string RuleId => Rule.Id;
    public string Urn => _urn;
    public Severity Severity => Rule.Severity;

    /// <summary>The finding's message in parts (what <see cref="Finding"/>'s <c>Text</c> is), without making the finding.</summary>
    internal FindingText Text => _text;

    public void Deconstruct(out RuleInfo Rule, out Finding Finding, out Waiver? Waiver) =>
        (Rule, Finding, Waiver) = (this.Rule, this.Finding, this.Waiver);

    public bool Equals(ReportedFinding other) =>
        EqualityComparer<RuleInfo>.Default.Equals(Rule, other.Rule) && Finding.Equals(other.Finding) &&
        EqualityComparer<Waiver?>.Default.Equals(Waiver, other.Waiver);

    public override bool Equals(object? obj) => obj is ReportedFinding other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Rule, Finding, Waiver);

    public static bool operator ==(ReportedFinding left, ReportedFinding right) => left.Equals(right);

    public static bool operator !=(ReportedFinding left, ReportedFinding right) => !left.Equals(right);

    public override string ToString() => $"ReportedFinding {{ Rule = {Rule}, Finding = {Finding}, Waiver = {Waiver} }}";
}
