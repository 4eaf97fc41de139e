using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    // The rule with the verdict (a Judged, one object per rule, verdict and readability, shared by all its findings);
    // or, for what few findings carry more (a waiver, evidence lines, another rule's id), an Odd holding that too. A
    // run's ~850k findings are one large-object array of these, allocated per report, and large-object allocations
    // are what trigger full collections: 40 bytes a finding instead of 56 (a rule, a verdict and a flag of their own).
    private readonly object? _meta;

    public ReportedFinding(RuleInfo Rule, Finding Finding, Waiver? Waiver = null)
        : this(Judged.For(Rule), Finding.RuleId, Finding.Urn, Finding.Verdict, Finding.Text, Finding.Details, Finding.Unreadable, Waiver)
    {
    }

    /// <summary>A finding from its fields (the evaluator: no finding object kept, nor made for a fail-closed one).</summary>
    /// <param name="judged">The rule's <see cref="Judged.For"/>, fetched once per rule.</param>
    internal ReportedFinding(Judged[] judged, string ruleId, string urn, Verdict verdict, FindingText text,
        ImmutableArray<string> details, bool unreadable, Waiver? waiver)
    {
        _urn = urn;
        _text = text;
        var slot = judged[Judged.Index(verdict, unreadable)];
        var sameRule = string.Equals(ruleId, slot.Rule.Id, StringComparison.Ordinal);
        _meta = sameRule && details.IsDefault && waiver is null ? slot
            : sameRule && waiver is null && details is { IsEmpty: true } ? slot.NoEvidence
            : new Odd(slot, sameRule ? null : ruleId, details, waiver);
    }

    /// <summary>A rule, a verdict and whether the gate could read what was judged: what most findings carry.</summary>
    internal sealed class Judged
    {
        private static readonly ConditionalWeakTable<RuleInfo, Judged[]> Cache = new();

        private Judged(RuleInfo rule, Verdict verdict, bool unreadable)
        {
            Rule = rule;
            Verdict = verdict;
            Unreadable = unreadable;
            NoEvidence = new Odd(this, null, ImmutableArray<string>.Empty, null);
        }

        public RuleInfo Rule { get; }
        public Verdict Verdict { get; }
        public bool Unreadable { get; }

        /// <summary>This, with an empty (not absent) list of evidence lines.</summary>
        public Odd NoEvidence { get; }

        /// <summary>The rule's six (every verdict, readable or not), made once per rule.</summary>
        public static Judged[] For(RuleInfo rule) => Cache.GetValue(rule, static r =>
        [
            .. from verdict in new[] { Verdict.Pass, Verdict.Fail, Verdict.Undetermined }
               from unreadable in new[] { false, true }
               select new Judged(r, verdict, unreadable),
        ]);

        public static int Index(Verdict verdict, bool unreadable) => 2 * (int)verdict + (unreadable ? 1 : 0);
    }

    /// <param name="RuleId">Null when it is the rule's own id.</param>
    internal sealed record Odd(Judged Judged, string? RuleId, ImmutableArray<string> Details, Waiver? Waiver);

    // Null only in a default value (no rule, a pass), as the fields themselves were before they were shared.
    private Judged? Slot => _meta as Judged ?? (_meta as Odd)?.Judged;

    private Verdict Verdict => Slot?.Verdict ?? Verdict.Pass;

    public RuleInfo Rule => Slot?.Rule!;

    /// <summary>The finding (a new, equal object on each read).</summary>
    public Finding Finding => new((_meta as Odd)?.RuleId ?? Rule.Id, _urn, Verdict, _text, (_meta as Odd)?.Details ?? default, Slot?.Unreadable ?? false);

    public Waiver? Waiver => (_meta as Odd)?.Waiver;

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

    /// <summary><see cref="Finding"/>'s <c>Unreadable</c>, without making the finding.</summary>
    internal bool Unreadable => Slot?.Unreadable ?? false;

    /// <summary><see cref="Finding"/>'s <c>Evidence</c>, without making the finding (a report writer reads every finding's).</summary>
    internal ImmutableArray<string> Evidence => (_meta as Odd)?.Details is { IsDefault: false } details ? details : ImmutableArray<string>.Empty;

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
