using System.Runtime.CompilerServices;

namespace Enclave.Policy.Rules;

/// <summary>
/// A finding's message, kept as the strings it is made of until someone reads it. A run over a large stack keeps
/// hundreds of thousands of findings alive until the report is written, and each message repeats strings that
/// already exist (a resource's label, a rule's fixed wording): holding references instead of a concatenated copy
/// keeps the report small, and small survivors are what keeps garbage collection cheap. The text is the
/// concatenation of the parts (null parts are empty); equality and hashing are by text.
/// </summary>
public readonly struct FindingText : IEquatable<FindingText>
{
    // One string (_value), or a first part (_head) and the rest as a slice of an array of parts (_value): the text's
    // own array, or a slice of a chunk of PartsArena. A run makes ~7 findings per resource and keeps them all until the
    // report, and survivors are what garbage collections copy: so no array object per message, and a rule's findings
    // whose messages differ only in their first part (the resource's label) share one slice for the rest.
    private readonly string? _head;
    private readonly object? _value;
    private readonly int _offset;
    private readonly int _count;

    public FindingText(string text) => _value = Capped(text);

    /// <summary>A text kept as it is, however long (a message read back from a document that already holds it whole).</summary>
    private FindingText(string text, bool uncapped) => _value = uncapped ? text : Capped(text);

    internal static FindingText Uncapped(string text) => new(text, uncapped: true);

    private FindingText(string?[] parts)
    {
        for (var i = 0; i < parts.Length; i++) parts[i] = Capped(parts[i]);
        _value = parts;
        _count = parts.Length;
    }

    private FindingText(string? head, string?[] rest, int offset, int count)
    {
        _head = head;
        _value = rest;
        _offset = offset;
        _count = count;
    }

    /// <summary>The most characters one part of a message (a name, a statement, a value from the artifact) keeps.</summary>
    public const int MaxPartLength = 2048;

    /// <summary>
    /// A part cut to <see cref="MaxPartLength"/>: every part a rule quotes may come from a hostile artifact (a 10 MB
    /// group name in a statement that parses), and a finding is one line of every report; the artifact keeps the
    /// whole value. Parts within the limit are kept by reference.
    /// </summary>
    internal static string? Capped(string? part)
    {
        if (part is null || part.Length <= MaxPartLength) return part;
        var keep = char.IsHighSurrogate(part[MaxPartLength - 1]) ? MaxPartLength - 1 : MaxPartLength;
        return string.Concat(part.AsSpan(0, keep), $"… [{part.Length - keep} more characters]");
    }

    /// <summary>The message: one string, or the parts concatenated (a new string on every call).</summary>
    public override string ToString() => _value as string ?? (_value is null ? "" : Rest.IsEmpty ? _head ?? "" : Joined(Length()));

    /// <summary>The characters of the text in parts (head and rest).</summary>
    private int Length()
    {
        var length = _head?.Length ?? 0;
        foreach (var part in Rest) length += part?.Length ?? 0;
        return length;
    }

    /// <summary>The parts' <paramref name="length"/> characters in one new string, each copied once (a concatenation of
    /// the rest and then of the head with it copied every character twice, and made a string in between).</summary>
    private string Joined(int length) => string.Create(length, this, static (into, text) =>
    {
        var at = 0;
        if (text._head is { } head) { head.CopyTo(into); at = head.Length; }
        foreach (var part in text.Rest)
        {
            if (part is null) continue;
            part.CopyTo(into[at..]);
            at += part.Length;
        }
    });

    /// <summary>References the text keeps: its parts, or 1 for a text kept as one string.</summary>
    internal int PartCount => _value is string?[] ? _count + 1 : 1;

    /// <summary>Characters of a text kept as one string (a message a rule formatted whole, likely its own copy); 0 in parts.</summary>
    internal int OwnedLength => (_value as string)?.Length ?? 0;

    /// <summary>The parts after the first, when the text is kept in parts.</summary>
    private ReadOnlySpan<string?> Rest => _value is string?[] parts ? new ReadOnlySpan<string?>(parts, _offset, _count) : default;

    /// <summary>The parts when the text is kept in parts (else empty, and <see cref="ToString"/> is one string):
    /// a writer that streams can write them one after the other instead of concatenating them first.</summary>
    internal FindingParts Parts => _value is string?[] ? new FindingParts(_head, Rest) : default;

    /// <summary>"<paramref name="subject"/>: " followed by <paramref name="items"/> joined with "; ".</summary>
    internal static FindingText Joined(string subject, string? prefix, IReadOnlyList<string> items)
    {
        var parts = new string?[3 + 2 * items.Count];
        parts[0] = subject;
        parts[1] = ": ";
        parts[2] = prefix;
        for (var i = 0; i < items.Count; i++)
        {
            parts[3 + 2 * i] = i == 0 ? null : "; ";
            parts[4 + 2 * i] = items[i];
        }
        return new FindingText(parts);
    }

    internal static FindingText FromParts(string?[] parts) => new(parts);

    /// <summary>Parts already cut to <see cref="MaxPartLength"/> (cutting a cut part again would change it).</summary>
    internal static FindingText FromCappedParts(string?[] parts) => new(null, parts, 0, parts.Length);

    /// <summary>
    /// <c>Capped(ToString())</c> without making the whole text when it is longer than a part may be: only the
    /// characters kept are copied.
    /// </summary>
    internal string CappedString()
    {
        if (_value is not string?[] parts) return Capped(ToString())!;
        var rest = Rest;
        var length = Length();
        if (length <= MaxPartLength) return rest.IsEmpty ? _head ?? "" : Joined(length);
        var kept = new char[MaxPartLength];
        var at = 0;
        if (_head is not null) Copy(_head, kept, ref at);
        foreach (var part in rest) Copy(part, kept, ref at);
        var keep = char.IsHighSurrogate(kept[MaxPartLength - 1]) ? MaxPartLength - 1 : MaxPartLength;
        return string.Concat(kept.AsSpan(0, keep), $"… [{length - keep} more characters]");
    }

    private static void Copy(string? part, char[] into, ref int at)
    {
        if (part is null || at >= into.Length) return;
        var n = Math.Min(part.Length, into.Length - at);
        part.AsSpan(0, n).CopyTo(into.AsSpan(at));
        at += n;
    }

    /// <summary>
    /// The text of the first <paramref name="count"/> parts written into a slice <see cref="PartsArena.Rent"/> gave:
    /// the first part is kept apart, and the rest shares the slice of the previous such text when the parts are the
    /// same (a rule's findings on one type of resource mostly differ only in the label they start with).
    /// </summary>
    internal static FindingText FromParts(PartsArena.Slice slice, int count)
    {
        var parts = slice.Array;
        // Only a part too long is written back: a store of a reference into an array costs a type check and a write barrier.
        for (var i = slice.Offset; i < slice.Offset + count; i++)
            if (parts[i] is { Length: > MaxPartLength } tooLong) parts[i] = Capped(tooLong);
        var head = count > 0 ? parts[slice.Offset] : null;
        var rest = PartsArena.KeepRest(slice, count);
        return new FindingText(head, rest.Array, rest.Offset, rest.Count);
    }

    /// <summary>
    /// <c>string.CompareOrdinal</c> of the two texts (its sign), read part by part without making either string: the
    /// report orders a rule's findings on one resource by message.
    /// </summary>
    internal static int CompareOrdinal(FindingText a, FindingText b)
    {
        var x = new Reader(a);
        var y = new Reader(b);
        while (true)
        {
            var left = x.Current();
            var right = y.Current();
            if (left.IsEmpty || right.IsEmpty) return left.IsEmpty ? (right.IsEmpty ? 0 : -1) : 1;
            var n = Math.Min(left.Length, right.Length);
            var c = left[..n].SequenceCompareTo(right[..n]);
            if (c != 0) return c;
            x.Advance(n);
            y.Advance(n);
        }
    }

    /// <summary>The characters of a text in order, as spans of its parts (empty at the end).</summary>
    private struct Reader(FindingText text)
    {
        private readonly string?[]? _parts = text._value as string?[];
        private readonly int _end = text._offset + text._count;
        private readonly string _single = text._value as string ?? text._head ?? "";
        // In parts: -1 reads the first part (_single), then _part walks the rest.
        private int _part = text._value is string?[] ? text._offset - 1 : 0;
        private readonly int _first = text._offset - 1;
        private int _offset;

        public ReadOnlySpan<char> Current()
        {
            if (_parts is null) return _single.AsSpan(_offset);
            while (_part < _end && _offset >= (_part == _first ? _single.Length : _parts[_part]?.Length ?? 0))
            {
                _part++;
                _offset = 0;
            }
            if (_part >= _end) return default;
            return _part == _first ? _single.AsSpan(_offset) : _parts[_part].AsSpan(_offset);
        }

        public void Advance(int count) => _offset += count;
    }

    public bool Equals(FindingText other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FindingText other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(FindingText left, FindingText right) => left.Equals(right);

    public static bool operator !=(FindingText left, FindingText right) => !left.Equals(right);
}

/// <summary>
/// Lets a rule write <c>Pass(urn, $"{node.Label}: …")</c> and get a <see cref="FindingText"/> without the
/// concatenation: literal parts and string holes are kept by reference; any other hole is formatted at once,
/// exactly as string interpolation would format it (current culture, alignment, format string).
/// </summary>
[InterpolatedStringHandler]
public ref struct FindingTextBuilder
{
    private readonly PartsArena.Slice _parts;
    private int _count;

    public FindingTextBuilder(int literalLength, int formattedCount)
    {
        _ = literalLength;
        // Literals and holes alternate, so 2 × holes + 1 slots always suffice.
        _parts = PartsArena.Rent(2 * formattedCount + 1);
        _count = 0;
    }

    public void AppendLiteral(string value) => Add(value);

    public void AppendFormatted(string? value) => Add(value);

    public void AppendFormatted<T>(T value, int alignment = 0, string? format = null)
    {
        if (value is string s && alignment == 0 && format is null)
        {
            Add(s);
            return;
        }
        var one = new DefaultInterpolatedStringHandler(0, 1);
        one.AppendFormatted(value, alignment, format);
        Add(one.ToStringAndClear());
    }

    private void Add(string? part) => _parts.Array[_parts.Offset + _count++] = part;

    /// <summary>The text built (the parts appended; a literal the compiler left out takes no slot).</summary>
    public readonly FindingText ToText() => FindingText.FromParts(_parts, _count);
}
