using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// Collects a resource's requirements with their three-valued outcomes and turns them into one finding: any false
/// requirement fails (naming every one that failed), else any unknown one leaves the finding undetermined, else it passes.
/// </summary>
public sealed class Assessment
{
    // The violation text is kept as given and only phrased when a requirement fails (most pass). A requirement given
    // in parts keeps them in one list shared by the whole assessment (no array, no concatenated string per
    // requirement), and the finding's message keeps them by reference (FindingText); a requirement too long for one
    // part of a message is joined first, so it is cut exactly as the same requirement given as one string would be.
    // Most assessments hold one requirement: it is kept in a field, and a list is made only for the second. A run over
    // 100k resources makes ~250k assessments, and their lists were a sixth of all it allocated.
    private Item _first;
    private List<Item>? _more;
    private int _count;
    private readonly int _moreCapacity;
    private List<string?>? _parts;

    private readonly record struct Item(Truth Outcome, string? Requirement, string? Violation, int PartsStart = 0, int PartsCount = 0,
        bool PartsSayWhatIsWrong = false);

    public Assessment()
    {
    }

    /// <param name="capacity">How many requirements are coming (a rule that knows saves the lists' regrowth).</param>
    /// <param name="partsCapacity">How many parts the requirements given in parts hold in all.</param>
    public Assessment(int capacity, int partsCapacity = 0)
    {
        _moreCapacity = capacity - 1;
        if (partsCapacity > 0) _parts = new List<string?>(partsCapacity);
    }

    /// <param name="requirement">What must hold, phrased as a statement (e.g. "isMtlsConnectionRequired is true").</param>
    /// <param name="whenViolated">How to say it when it does not hold (e.g. "… admits the whole internet"); a
    /// requirement phrased as a negation reads backwards after "not met:", so such callers say what is wrong.</param>
    public Assessment Require(Truth outcome, string requirement, string? whenViolated = null)
    {
        Add(new Item(outcome, requirement, whenViolated));
        return this;
    }

    /// <summary>
    /// <see cref="Require(Truth, string, string?)"/> without a violation text, the requirement given as the strings it
    /// is made of (their concatenation is the requirement).
    /// </summary>
    public Assessment RequireInParts(Truth outcome, params ReadOnlySpan<string?> parts) => AddParts(outcome, parts, saysWhatIsWrong: false);

    /// <summary>
    /// A requirement phrased as what is wrong, its own violation text (<c>Require(outcome, text, text)</c>), given in
    /// parts like <see cref="RequireInParts"/>: a policy with many flagged statements would otherwise copy each
    /// statement's text into a new string.
    /// </summary>
    public Assessment ObjectInParts(Truth outcome, params ReadOnlySpan<string?> parts) => AddParts(outcome, parts, saysWhatIsWrong: true);

    private Assessment AddParts(Truth outcome, ReadOnlySpan<string?> parts, bool saysWhatIsWrong)
    {
        _parts ??= new List<string?>(parts.Length * 4);
        Add(new Item(outcome, null, null, _parts.Count, parts.Length, saysWhatIsWrong));
        _parts.AddRange(parts);
        return this;
    }

    private void Add(Item item)
    {
        if (_count == 0) _first = item;
        else (_more ??= new List<Item>(_moreCapacity > 0 ? _moreCapacity : 4)).Add(item);
        _count++;
    }

    /// <summary>
    /// Forgets every requirement, so a rule that judges resource after resource can use one assessment for all of
    /// them: <see cref="ToFinding"/> copies what the message needs, so nothing made from it changes. ENC-GOV-023 made an
    /// assessment and a parts list for each of ~9k references at 10k resources (a twentieth of what a run allocated).
    /// </summary>
    public Assessment Clear()
    {
        _first = default;
        _more?.Clear();
        _parts?.Clear();
        _count = 0;
        return this;
    }

    /// <summary>The requirements in the order given.</summary>
    private Item ItemAt(int index) => index == 0 ? _first : _more![index - 1];

    public Truth Outcome
    {
        get
        {
            var outcome = Truth.True;
            for (var i = 0; i < _count; i++) outcome = outcome.And(ItemAt(i).Outcome);
            return outcome;
        }
    }

    /// <summary>True when nothing was required yet.</summary>
    public bool IsEmpty => _count == 0;

    public Finding ToFinding(string ruleId, string urn, string subject, IEnumerable<string>? details = null)
    {
        var evidence = details?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
        var text = ToText(subject, out var verdict);
        return new Finding(ruleId, urn, verdict, text, evidence);
    }

    /// <summary>The finding's verdict and message (<see cref="ToFinding"/> without the object: <see cref="FindingSink.Judge(string, string, Assessment, IEnumerable{string}?)"/>).</summary>
    internal FindingText ToText(string subject, out Verdict verdict)
    {
        // The message names every failed requirement, else every unknown one, else every one (in the order given).
        verdict = Outcome switch { Truth.False => Verdict.Fail, Truth.Unknown => Verdict.Undetermined, _ => Verdict.Pass };
        var length = 3;
        for (var i = 0; i < _count; i++)
            if (ItemAt(i) is var item && Named(verdict, item.Outcome)) length += 1 + (item.PartsCount > 0 ? item.PartsCount : 1) + (NotMet(verdict, item) ? 1 : 0);
        // "subject: [prefix]item; item; …" as parts (FindingText), in a slice of the shared parts arena (no array per
        // finding); parts that would be empty (no prefix, the separator before the first item) take no slot.
        var slice = PartsArena.Rent(length);
        var parts = slice.Array;
        var at = slice.Offset;
        parts[at++] = subject;
        parts[at++] = ": ";
        if (verdict == Verdict.Undetermined) parts[at++] = "not known until deploy: ";
        var first = true;
        for (var i = 0; i < _count; i++)
        {
            var item = ItemAt(i);
            if (!Named(verdict, item.Outcome)) continue;
            if (!first) parts[at++] = "; ";
            first = false;
            if (item.PartsCount > 0)
            {
                var notMet = NotMet(verdict, item);
                var total = notMet ? NotMetPrefix.Length : 0;
                for (var k = 0; k < item.PartsCount; k++) total += _parts![item.PartsStart + k]?.Length ?? 0;
                if (total > FindingText.MaxPartLength)
                {
                    // Too long for one part of a message: joined, so it is cut as a whole exactly as a requirement
                    // given as one string is (the slots it leaves unused are given back below).
                    var joined = new string?[item.PartsCount + 1];
                    joined[0] = notMet ? NotMetPrefix : null;
                    _parts!.CopyTo(item.PartsStart, joined, 1, item.PartsCount);
                    parts[at++] = string.Concat(joined);
                    continue;
                }
                if (notMet) parts[at++] = NotMetPrefix;
                _parts!.CopyTo(item.PartsStart, parts, at, item.PartsCount);
                at += item.PartsCount;
            }
            else parts[at++] = verdict == Verdict.Fail ? item.Violation ?? NotMetPrefix + item.Requirement : item.Requirement;
        }
        return FindingText.FromParts(slice, at - slice.Offset);
    }

    private const string NotMetPrefix = "required but not met: ";

    /// <summary>Is a requirement in parts named as "required but not met: …" (a failure without a violation text)?</summary>
    private static bool NotMet(Verdict verdict, Item item) => verdict == Verdict.Fail && item.PartsCount > 0 && !item.PartsSayWhatIsWrong;

    private static bool Named(Verdict verdict, Truth outcome) => verdict switch
    {
        Verdict.Fail => outcome == Truth.False,
        Verdict.Undetermined => outcome == Truth.Unknown,
        _ => true,
    };
}
