using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// Collects a resource's requirements with their three-valued outcomes and turns them into one finding: any false
/// requirement fails (naming every one that failed), else any unknown one leaves the finding undetermined, else it passes.
/// </summary>
public sealed class Assessment
{
    // The violation text is kept as given and only phrased when a requirement fails (most pass). A requirement given
    // in parts (RequireInParts, or an interpolated string: RequirementText) keeps them in one array shared by the whole
    // assessment (no array, no concatenated string per requirement), and the finding's message keeps them by reference (FindingText); a requirement too long for one
    // part of a message is joined first, so it is cut exactly as the same requirement given as one string would be.
    // Most assessments hold one requirement: it is kept in a field, and a list is made only for the second. A run over
    // 100k resources makes ~250k assessments, and their lists were a sixth of all it allocated.
    private Item _first;
    private List<Item>? _more;
    private int _count;
    private string?[]? _parts;
    private int _partsCount;

    /// <summary>
    /// One requirement: a string (<see cref="Requirement"/>) or <see cref="PartsCount"/> parts from
    /// <see cref="PartsStart"/>; its violation text a string (<see cref="Violation"/>) or <see cref="ViolationCount"/>
    /// parts right after the requirement's. 32 bytes, as before violation texts could be given in parts: an assessment
    /// holds its first requirement inline, and a run makes ~250k assessments.
    /// </summary>
    private readonly struct Item(Truth outcome, string? requirement, string? violation, int partsStart = 0, int partsCount = 0,
        bool partsSayWhatIsWrong = false, int violationCount = 0)
    {
        public readonly string? Requirement = requirement;
        public readonly string? Violation = violation;
        public readonly int PartsStart = partsStart;
        private readonly ushort _partsCount = checked((ushort)partsCount);
        private readonly ushort _violationCount = checked((ushort)violationCount);
        private readonly byte _outcome = (byte)outcome;
        public readonly bool PartsSayWhatIsWrong = partsSayWhatIsWrong;

        public Truth Outcome => (Truth)_outcome;
        public int PartsCount => _partsCount;
        public int ViolationCount => _violationCount;
        public int ViolationStart => PartsStart + _partsCount;
    }

    public Assessment()
    {
    }

    /// <param name="capacity">How many requirements are coming (a rule that knows saves the lists' regrowth).</param>
    /// <param name="partsCapacity">How many parts the requirements given in parts hold in all.</param>
    public Assessment(int capacity, int partsCapacity = 0)
    {
        // Sized now when a rule says how many are coming (it reuses the assessment: Clear keeps the list).
        if (capacity > 1) _more = new List<Item>(capacity - 1);
        if (partsCapacity > 0) _parts = new string?[partsCapacity];
    }

    /// <param name="requirement">What must hold, phrased as a statement (e.g. "isMtlsConnectionRequired is true").</param>
    /// <param name="whenViolated">How to say it when it does not hold (e.g. "… admits the whole internet"); a
    /// requirement phrased as a negation reads backwards after "not met:", so such callers say what is wrong.</param>
    public Assessment Require(Truth outcome, string requirement, string? whenViolated = null)
    {
        Add(new Item(outcome, requirement, whenViolated));
        return this;
    }

    // The same with the texts written as interpolated strings (RequirementText): most requirements pass, and a pass
    // names them, so their parts are kept by reference instead of being formatted into a new string per resource
    // (~13 MB of strings per 100k-resource synthetic run, and a report keeps them until it is written). A violation text is
    // only ever read when the requirement fails. The message is the same text either way.

    /// <inheritdoc cref="Require(Truth, string, string?)"/>
    public Assessment Require(Truth outcome, [InterpolatedStringHandlerArgument("")] RequirementText requirement, string? whenViolated = null)
    {
        Add(new Item(outcome, null, whenViolated, requirement.Start, requirement.Count));
        return this;
    }

    /// <inheritdoc cref="Require(Truth, string, string?)"/>
    public Assessment Require(Truth outcome, [InterpolatedStringHandlerArgument("")] RequirementText requirement,
        [InterpolatedStringHandlerArgument("")] RequirementText whenViolated)
    {
        // The violation text's parts follow the requirement's (RequirementText appends, and refuses a hole that wrote between).
        if (whenViolated.Start != requirement.Start + requirement.Count) throw new InvalidOperationException("a requirement's parts are not followed by its violation text's");
        Add(new Item(outcome, null, null, requirement.Start, requirement.Count, violationCount: whenViolated.Count));
        return this;
    }

    /// <inheritdoc cref="Require(Truth, string, string?)"/>
    public Assessment Require(Truth outcome, string requirement, [InterpolatedStringHandlerArgument("")] RequirementText whenViolated)
    {
        Add(new Item(outcome, requirement, null, whenViolated.Start, violationCount: whenViolated.Count));
        return this;
    }

    /// <summary>Room for <paramref name="more"/> parts after those held; where the next part goes.</summary>
    internal int ReserveParts(int more)
    {
        var needed = _partsCount + more;
        if (_parts is null) _parts = new string?[Math.Max(needed, 4)];
        else if (needed > _parts.Length) Array.Resize(ref _parts, Math.Max(needed, 2 * _parts.Length));
        return _partsCount;
    }

    /// <summary>Appends one part (room reserved by <see cref="ReserveParts"/>, or made here).</summary>
    internal void AddPart(string? part)
    {
        if (_parts is null || _partsCount == _parts.Length) ReserveParts(1);
        _parts![_partsCount++] = part;
    }

    /// <summary>Parts held so far (a <see cref="RequirementText"/> counts its own from where it started).</summary>
    internal int PartsHeld => _partsCount;

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
        var start = ReserveParts(parts.Length);
        Add(new Item(outcome, null, null, start, parts.Length, saysWhatIsWrong));
        parts.CopyTo(_parts.AsSpan(start));
        _partsCount += parts.Length;
        return this;
    }

    private void Add(Item item)
    {
        if (_count == 0) _first = item;
        else (_more ??= new List<Item>(4)).Add(item);
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
        if (_parts is not null) Array.Clear(_parts, 0, _partsCount);
        _partsCount = 0;
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
            if (ItemAt(i) is var item && Named(verdict, item.Outcome)) length += 2 + Math.Max(1, Math.Max(item.PartsCount, item.ViolationCount));
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
            if (verdict == Verdict.Fail && item.Violation is { } violation) parts[at++] = violation;
            else if (verdict == Verdict.Fail && item.ViolationCount > 0) CopyParts(item.ViolationStart, item.ViolationCount, null, parts, ref at);
            else if (item.PartsCount > 0) CopyParts(item.PartsStart, item.PartsCount, NotMet(verdict, item) ? NotMetPrefix : null, parts, ref at);
            else parts[at++] = verdict == Verdict.Fail ? NotMetPrefix + item.Requirement : item.Requirement;
        }
        return FindingText.FromParts(slice, at - slice.Offset);
    }

    /// <summary>
    /// A text held in parts, after <paramref name="prefix"/>, into the message's parts; a text too long for one part of a
    /// message is joined first, so it is cut as a whole exactly as the same text given as one string would be.
    /// </summary>
    private void CopyParts(int start, int count, string? prefix, string?[] into, ref int at)
    {
        var total = prefix?.Length ?? 0;
        for (var k = 0; k < count; k++) total += _parts![start + k]?.Length ?? 0;
        if (total > FindingText.MaxPartLength)
        {
            // The slots it leaves unused are given back with the rest (FindingText.FromParts).
            var joined = new string?[count + 1];
            joined[0] = prefix;
            Array.Copy(_parts!, start, joined, 1, count);
            into[at++] = string.Concat(joined);
            return;
        }
        if (prefix is not null) into[at++] = prefix;
        Array.Copy(_parts!, start, into, at, count);
        at += count;
    }

    private const string NotMetPrefix = "required but not met: ";

    /// <summary>Is a requirement in parts named as "required but not met: …" (a failure without a violation text)?</summary>
    private static bool NotMet(Verdict verdict, Item item) =>
        verdict == Verdict.Fail && item.PartsCount > 0 && !item.PartsSayWhatIsWrong && item.Violation is null && item.ViolationCount == 0;

    private static bool Named(Verdict verdict, Truth outcome) => verdict switch
    {
        Verdict.Fail => outcome == Truth.False,
        Verdict.Undetermined => outcome == Truth.Unknown,
        _ => true,
    };
}
