using System.Buffers;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// A forward-only reader of one input: a <see cref="Utf8JsonReader"/> over the window of a <see cref="JsonSource"/>,
/// moved on to the next window whenever it runs out of bytes. Readers pass it by <c>ref</c> and pull tokens; typed
/// accessors refuse a token of the wrong kind with one line naming the JSON path and what was expected there.
/// Strings come from the source's <see cref="StringCache"/>.
/// </summary>
internal ref struct JsonCursor
{
    private Utf8JsonReader _reader;

    public JsonCursor(JsonSource source)
    {
        Source = source;
        _reader = new Utf8JsonReader(source.Span, source.IsFinal, new JsonReaderState(source.Options));
    }

    public JsonSource Source { get; }
    public readonly JsonTokenType Token => _reader.TokenType;
    public readonly JsonPath Path => Source.Path;

    /// <summary>The next token; false only at the end of the input.</summary>
    public bool Read()
    {
        try
        {
            while (!_reader.Read())
            {
                if (Source.IsFinal) return false;
                Source.Advance((int)_reader.BytesConsumed);
                _reader = new Utf8JsonReader(Source.Span, Source.IsFinal, _reader.CurrentState);
            }
            return true;
        }
        catch (JsonException e) when (Source.IsFinal && EndsInThisToken())
        {
            // A syntax error in the last bytes of the input (a number or word cut short) is a truncated file.
            throw new ArtifactLoadException(Source.Name, "JSON ends before the document is complete (truncated file?)",
                (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }
    }

    /// <summary>
    /// Whether what is left of the input after the last complete token is an unfinished value (a cut): it does not
    /// start with a separator or a closing bracket (those are misplaced, not cut) and closes nothing.
    /// </summary>
    private readonly bool EndsInThisToken()
    {
        var tail = Source.Span[(int)_reader.BytesConsumed..].Trim(" \t\r\n"u8);
        if (tail.Length > 0 && tail[0] == (byte)':') tail = tail[1..].TrimStart(" \t\r\n"u8);
        return tail.Length is > 0 and < 256 && tail[0] is not ((byte)',' or (byte)']' or (byte)'}') && tail.IndexOfAny("]}"u8) < 0;
    }

    /// <summary>The next token, which must exist: the input ending here is a truncated document.</summary>
    public void Next()
    {
        if (!Read()) throw Source.Error("JSON ends before the document is complete (truncated file?)");
    }

    /// <summary>Inside an object: moves to the next property name (true) or to the end of the object (false).</summary>
    public bool NextProperty()
    {
        Next();
        return _reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>
    /// On a property name: its field id in <paramref name="fields"/> (-1 for a key the format does not name), with the key
    /// pushed on the path and the cursor moved onto its value. A known field given twice in one object is refused here,
    /// once for every reader, because which copy counts would be ambiguous.
    /// </summary>
    public int Field(FieldSet fields, ref FieldSet.Seen seen, out string key)
    {
        key = Text();
        var field = fields.Find(key);
        Path.Push(key);
        Next();
        if (field >= 0) seen.Add(fields, field, key, Source);
        return field;
    }

    /// <summary>Inside a list: moves to the next item (true) or to the end of the list (false).</summary>
    public bool NextItem()
    {
        Next();
        return _reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Requires the current token to start an object (or be null, when <paramref name="nullable"/>: false).</summary>
    public readonly bool IsObject(string what, bool nullable = true)
    {
        if (_reader.TokenType == JsonTokenType.StartObject) return true;
        if (nullable && _reader.TokenType == JsonTokenType.Null) return false;
        throw Expected(what);
    }

    /// <summary>Requires the current token to start a list (or be null, when <paramref name="nullable"/>: false).</summary>
    public readonly bool IsList(string what, bool nullable = true)
    {
        if (_reader.TokenType == JsonTokenType.StartArray) return true;
        if (nullable && _reader.TokenType == JsonTokenType.Null) return false;
        throw Expected(what);
    }

    /// <summary>The current property name or string, shared through the cache when short.</summary>
    public readonly string Text()
    {
        if (_reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) throw Expected("a string");
        return ValueSpanLength() > StringCache.MaxCachedBytes ? Kept(Decode(), 0) : Source.Strings.TextAt(CachedSlot());
    }

    /// <summary>The current string as a property value, shared through the cache when short.</summary>
    public readonly StringValue TextValue() =>
        ValueSpanLength() > StringCache.MaxCachedBytes ? new StringValue(Kept(Decode(), KeptBytes.SmallObject)) : CachedValue(CachedSlot());

    /// <summary>The slot's <see cref="StringValue"/>, charged to the budget when it is made (keys never get one).</summary>
    private readonly StringValue CachedValue(int slot)
    {
        if (!Source.Strings.HasValue(slot)) Source.Keep(KeptBytes.SmallObject);
        return Source.Strings.ValueAt(slot);
    }

    /// <summary>Charges a string just made (and <paramref name="more"/> bytes for what wraps it) to the source's budget.</summary>
    private readonly string Kept(string text, int more)
    {
        Source.Keep(KeptBytes.String(text.Length) + more);
        return text;
    }

    private readonly int ValueSpanLength() =>
        _reader.HasValueSequence ? checked((int)_reader.ValueSequence.Length) : _reader.ValueSpan.Length;

    /// <summary>
    /// The cache slot holding the current (short) string. A string without escapes is looked up by its bytes in the
    /// input, and decoded only on a miss: a hit's bytes equal those of a text decoded (and validated) before. One with
    /// escapes is decoded first (which refuses invalid text) and looked up by its UTF-8 form.
    /// </summary>
    private readonly int CachedSlot()
    {
        var cache = Source.Strings;
        if (!_reader.HasValueSequence && !_reader.ValueIsEscaped)
        {
            var raw = _reader.ValueSpan;
            var at = cache.KeyOf(raw);
            if (cache.Find(at, raw) is null) cache.Store(at, raw, Kept(Decode(), 0));
            return at.Slot;
        }
        var text = Decode();
        Span<byte> buffer = stackalloc byte[StringCache.MaxCachedBytes * 3];
        var utf8 = buffer[..System.Text.Encoding.UTF8.GetBytes(text, buffer)];
        var slot = cache.KeyOf(utf8);
        if (cache.Find(slot, utf8) is null) cache.Store(slot, utf8, Kept(text, 0));
        return slot.Slot;
    }

    /// <summary>Whether the current string is exactly <paramref name="utf8"/> (no decoding).</summary>
    public readonly bool TextIs(ReadOnlySpan<byte> utf8) => _reader.ValueTextEquals(utf8);

    /// <summary>A string field: null or absent reads as null, anything else but a string is refused.</summary>
    public readonly string? OptionalText(string what) => _reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => Text(),
        _ => throw Expected(what),
    };

    /// <summary>A boolean field, as Go decodes one: true or false, null leaves it false; a string "true" is refused.</summary>
    public readonly bool Bool() => _reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        _ => throw Expected("true or false"),
    };

    /// <summary>An integer field (a count, a version).</summary>
    public readonly long Integer(string what) =>
        _reader.TokenType == JsonTokenType.Number && _reader.TryGetInt64(out var n) ? n : throw Expected(what);

    /// <summary>A number value: finite, as Go's float64 decoding requires.</summary>
    public readonly double Number() =>
        _reader.TryGetDouble(out var d) && double.IsFinite(d) ? d
        : throw Source.Error($"number out of range: {RawNumber()} is past what a 64-bit float holds (about ±1.8e308), which " +
                             "Pulumi's Go reader refuses too; expected a finite number");

    /// <summary>The number token as written, cut to 40 characters (it is ASCII: the reader validated its syntax).</summary>
    private readonly string RawNumber()
    {
        var raw = _reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(_reader.ValueSequence) : _reader.ValueSpan.ToArray();
        var text = System.Text.Encoding.ASCII.GetString(raw, 0, Math.Min(raw.Length, 40));
        return raw.Length > 40 ? text + "…" : text;
    }

    /// <summary>Skips the current value (with everything inside it).</summary>
    public void Skip()
    {
        if (_reader.TokenType == JsonTokenType.PropertyName) Next();
        if (_reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = _reader.CurrentDepth;
        do Next();
        while (_reader.CurrentDepth > depth || _reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
    }

    /// <summary>"expected X, found Y" at the current path.</summary>
    public readonly ArtifactLoadException Expected(string what) => Source.Error($"expected {what}, found {Describe()}");

    /// <summary>The current token in words, with a short quote of a scalar (a string "true" is told from true).</summary>
    public readonly string Describe() => _reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => $"the string \"{Quote()}\"",
        JsonTokenType.Number => $"the number {Quote()}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        var other => other.ToString(),
    };

    private readonly string Quote()
    {
        var raw = _reader.HasValueSequence ? _reader.ValueSequence.ToArray() : _reader.ValueSpan.ToArray();
        var text = System.Text.Encoding.UTF8.GetString(raw, 0, Math.Min(raw.Length, 64));
        return raw.Length > 64 ? text + "…" : text;
    }

    // The reader throws InvalidOperationException for both: raw bytes that are not UTF-8, and a \u escape of half a
    // surrogate pair ("\ud800"), which is valid JSON syntax but no Unicode text (Go would write U+FFFD instead).
    internal const string NotText =
        "a string holds invalid UTF-8 or escapes an unpaired surrogate (e.g. \\ud800); expected UTF-8 JSON of Unicode text";

    private readonly string Decode()
    {
        try { return _reader.GetString()!; }
        catch (InvalidOperationException) { throw Source.Error(NotText); }
    }
}
