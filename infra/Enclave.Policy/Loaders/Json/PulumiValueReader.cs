using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// Reads Pulumi's JSON property values (state, preview and engine-event encodings) into <see cref="PropertyValue"/>
/// as they stream past (<see cref="PulumiValues"/> describes the encodings). Secrets become
/// <see cref="PropertyValue.Secret"/> and what follows their signature (ciphertext, or plaintext from
/// <c>--show-secrets</c>) is skipped unread; the unknown sentinel becomes <see cref="PropertyValue.Unknown"/>.
/// A map with two equal keys is refused: Go keeps the last, and the gate must never read another value than Pulumi.
/// </summary>
internal static class PulumiValueReader
{
    private static readonly BoolValue True = new(true);
    private static readonly BoolValue False = new(false);
    private static readonly ListValue EmptyList = new(ImmutableArray<PropertyValue>.Empty);
    private static readonly NumberValue[] SmallIntegers = [.. Enumerable.Range(0, 1025).Select(i => new NumberValue(i))];

    /// <summary>The value at the cursor. <paramref name="previewSecrets"/>: the string <c>"[secret]"</c> is a secret.</summary>
    public static PropertyValue Read(ref JsonCursor c, bool previewSecrets)
    {
        c.Source.CountValue();
        switch (c.Token)
        {
            case JsonTokenType.Null: return PropertyValue.Null;
            case JsonTokenType.True: return True;
            case JsonTokenType.False: return False;
            case JsonTokenType.Number:
                var d = c.Number();
                return IsSmallInteger(d) ? SmallIntegers[(int)d] : c.Source.Values.Number(d);
            case JsonTokenType.String:
                if (c.TextIs(UnknownUtf8)) return PropertyValue.Unknown;
                if (previewSecrets && c.TextIs("[secret]"u8)) return PropertyValue.Secret;
                return c.TextValue();
            case JsonTokenType.StartArray: return ReadList(ref c, previewSecrets);
            case JsonTokenType.StartObject: return ReadObject(ref c, previewSecrets, topLevel: false);
            default: throw c.Expected("a value");
        }
    }

    /// <summary>A property map (inputs, outputs, config): an object whose keys are property names, or null.</summary>
    /// <param name="sameAs">A map read before (a state's inputs, when reading its outputs): a field whose value is
    /// exactly the value of the same key there (<see cref="SameValue"/>) keeps that instance, and the copy just read
    /// dies young. Outputs repeat most inputs; a 200k-resource state then holds them once, not twice.</param>
    /// <param name="prior">The same map of the same resource in a graph loaded before (<see cref="PriorValues"/>): a
    /// field found the same there keeps that instance too, and a map found the same throughout is that map.</param>
    public static MapValue ReadMap(ref JsonCursor c, bool previewSecrets, string what, MapValue? sameAs = null, MapValue? prior = null)
    {
        if (!c.IsObject(what)) return MapValue.Empty;
        var map = (MapValue)ReadObject(ref c, previewSecrets, topLevel: true, sameAs, prior);
        return prior is null ? map : PriorValues.Map(map, prior);
    }

    public static NumberValue Number(double d) => IsSmallInteger(d) ? SmallIntegers[(int)d] : new NumberValue(d);

    private static bool IsSmallInteger(double d) => d >= 0 && d < SmallIntegers.Length && d == Math.Floor(d) && !double.IsNegative(d);

    private static ReadOnlySpan<byte> UnknownUtf8 => "04da6b54-80e4-46f7-96ec-b56ff0331ba9"u8;

    private static PropertyValue ReadList(ref JsonCursor c, bool previewSecrets)
    {
        var items = c.Source.Items;
        var start = items.Count;
        c.Path.Push(0);
        var i = 0;
        while (c.NextItem())
        {
            c.Path.SetIndex(i++);
            items.Push(Read(ref c, previewSecrets));
        }
        c.Path.Pop();
        if (i == 0) return EmptyList;
        var list = c.Source.Values.List(items.From(start));
        items.Truncate(start);
        return list;
    }

    /// <summary>
    /// An object: a plain map, or (below the top level of a property map) a special value marked by the signature
    /// key. Pulumi writes the signature first; should it come later, the fields before it were read and are dropped.
    /// </summary>
    private static PropertyValue ReadObject(ref JsonCursor c, bool previewSecrets, bool topLevel, MapValue? sameAs = null,
        MapValue? prior = null)
    {
        var fields = c.Source.Fields;
        var start = fields.Count;
        string? signature = null;
        var special = false;
        while (c.NextProperty())
        {
            var key = c.Text();
            c.Path.Push(key);
            c.Next();
            if (!topLevel && key == PulumiValues.SignatureKey)
            {
                special = true;
                // A signature that is not a string is no Pulumi value (Go's reader refuses it as an unknown signature).
                // Left unread, an object or list here desynchronised the reader: its keys were read as fields of the
                // value, its end as the value's, and every later key one level too high.
                signature = c.Token == JsonTokenType.String ? c.Text() : throw c.Expected("a signature string (a Pulumi secret, asset or resource reference)");
                fields.Push(new(key, PropertyValue.Null));
            }
            else if (special && signature == PulumiValues.SecretSignature)
            {
                c.Skip(); // a secret's ciphertext or plaintext is never read
                fields.Push(new(key, PropertyValue.Null));
            }
            else
            {
                var read = Read(ref c, previewSecrets);
                if (sameAs is not null && sameAs.TryGetValue(key, out var same) && SameValue.Equal(same, read)) read = same;
                else if (prior is not null && prior.TryGetValue(key, out same) && SameValue.Equal(same, read)) read = same;
                fields.Push(new(key, read));
            }
            c.Path.Pop();
        }
        var entries = fields.From(start);
        var value = special ? Special(ref c, signature, entries) : Map(ref c, entries);
        fields.Truncate(start);
        return value;
    }

    /// <summary>
    /// The fields as a map, in ordinal key order (as Go writes them, so usually no sort), keys distinct; shared with an
    /// earlier equal map through the source's <see cref="ValuePool"/>.
    /// </summary>
    private static PropertyValue Map(ref JsonCursor c, Span<KeyValuePair<string, PropertyValue>> entries)
    {
        if (entries.IsEmpty) return MapValue.Empty;
        var inOrder = true;
        for (var i = 1; i < entries.Length && inOrder; i++) inOrder = string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) < 0;
        if (inOrder) return c.Source.Values.Map(entries);
        var sorted = entries.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i - 1].Key == sorted[i].Key) throw c.Source.DuplicateKey(sorted[i].Key);
        return c.Source.Values.Map(sorted, sorted);
    }

    /// <summary>A signed object: what it means is <see cref="SignedValues"/>' decision, the same for every encoding.</summary>
    private static PropertyValue Special(ref JsonCursor c, string? signature, Span<KeyValuePair<string, PropertyValue>> entries)
    {
        var fields = entries.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, _) in fields)
            if (!seen.Add(k)) throw c.Source.DuplicateKey(k);
        return SignedValues.Decode(signature, new ReadFields(fields, c.Source));
    }

    /// <summary>The fields of a signed object as read from the stream (a secret's were skipped unread).</summary>
    private readonly struct ReadFields(KeyValuePair<string, PropertyValue>[] fields, JsonSource source) : ISignedObject
    {
        public string? String(string key) => TryRead(key, out var v) ? v.AsString() : null;

        public bool IsTrue(string key) => TryRead(key, out var v) && v.AsBool() == true;

        public bool TryRead(string key, out PropertyValue value)
        {
            foreach (var (k, v) in fields)
                if (k == key)
                {
                    value = v;
                    return true;
                }
            value = PropertyValue.Null;
            return false;
        }

        public Exception Malformed(string problem) => source.Error(problem);
    }
}
