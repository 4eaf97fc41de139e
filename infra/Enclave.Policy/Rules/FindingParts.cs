namespace Enclave.Policy.Rules;

/// <summary>
/// The parts of a <see cref="FindingText"/> in order (a null part reads as nothing): its first part, kept apart, then
/// the rest. Enumerated with <c>foreach</c> like a span, so a writer that streams writes them one after the other.
/// </summary>
internal readonly ref struct FindingParts(string? first, ReadOnlySpan<string?> rest)
{
    private readonly string? _first = first;
    private readonly ReadOnlySpan<string?> _rest = rest;

    /// <summary>True for a text kept as one string (read it with ToString) or one with no parts.</summary>
    public bool IsEmpty => _first is null && _rest.IsEmpty;

    public Enumerator GetEnumerator() => new(_first, _rest);

    public ref struct Enumerator(string? first, ReadOnlySpan<string?> rest)
    {
        private readonly string? _first = first;
        private readonly ReadOnlySpan<string?> _rest = rest;
        private int _index = -2;

        public readonly string? Current => _index < 0 ? _first : _rest[_index];

        public bool MoveNext()
        {
            // The first part only when there is one: a text made from an array has none.
            if (_index == -2) { _index = _first is null ? 0 : -1; return _first is not null || _rest.Length > 0; }
            return ++_index < _rest.Length;
        }
    }
}
