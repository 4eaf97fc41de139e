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
    // One string, or a slice of an array of parts: the finding's own array, or a slice of a shared chunk of
    // PartsArena (a run makes ~7 findings per resource; an array object per message was a third of what survived
    // until the report, and survivors are what garbage collections copy).
    // One field for both (a string or a string?[]): the struct stays 16 bytes, as a Finding holds one per message.
    private readonly object? _value;
    private readonly int _offset;
    private readonly int _count;

    public FindingText(string text) => _value = Capped(text);

    private FindingText(string?[] parts) : this(parts, 0, parts.Length)
    {
    }

    private FindingText(string?[] parts, int offset, int count)
    {
        for (var i = offset; i < offset + count; i++) parts[i] = Capped(parts[i]);
        _value = parts;
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
    public override string ToString() => _value as string ?? (_value is null ? "" : string.Concat(Parts));

    /// <summary>The parts when the text is kept in parts (else empty, and <see cref="ToString"/> is one string):
    /// a writer that streams can write them one after the other instead of concatenating them first.</summary>
    internal ReadOnlySpan<string?> Parts => _value is string?[] parts ? new ReadOnlySpan<string?>(parts, _offset, _count) : default;

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

    /// <summary>The text of <paramref name="count"/> parts written into a slice <see cref="PartsArena.Rent"/> gave.</summary>
    internal static FindingText FromParts(PartsArena.Slice slice, int count) => new(slice.Array, slice.Offset, count);

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
        private readonly string _single = text._value as string ?? "";
        private int _part = text._offset;
        private int _offset;

        public ReadOnlySpan<char> Current()
        {
            if (_parts is null) return _single.AsSpan(_offset);
            while (_part < _end && _offset >= (_parts[_part]?.Length ?? 0))
            {
                _part++;
                _offset = 0;
            }
            return _part < _end ? _parts[_part].AsSpan(_offset) : default;
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
    public readonly FindingText ToText()
    {
        PartsArena.Trim(_parts, _count);
        return FindingText.FromParts(_parts, _count);
    }
}
