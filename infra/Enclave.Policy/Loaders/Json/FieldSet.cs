using System.Collections.Frozen;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// The fields of one object shape a reader uses. For our own documents (<see cref="Exact"/>) keys match exactly.
/// For Pulumi's files, the fields of one of Pulumi's Go structs (<c>ResourceV3</c>, <c>StepEventMetadata</c>, …) matched the way Go's
/// <c>encoding/json</c> matches them, so the gate reads a file as Pulumi does: a key names a field case-insensitively
/// (Unicode simple folding: <c>URN</c>, <c>Custom</c>, even <c>ſ</c> for <c>s</c> and the Kelvin sign for <c>k</c>).
/// Go keeps the last of two keys that land on one field; the gate refuses such an object instead (see
/// <see cref="Seen"/>), so a hostile duplicate can never make it read a different value than Pulumi would.
/// </summary>
internal sealed class FieldSet
{
    private readonly FrozenDictionary<string, int> _byName;
    private readonly string[] _names;
    private readonly bool _exact;

    /// <param name="names">The JSON names of the fields the reader uses, in the order of their ids (at most 64).</param>
    public FieldSet(params string[] names) : this(false, names)
    {
    }

    private FieldSet(bool exact, string[] names)
    {
        _names = names;
        _exact = exact;
        _byName = names.Select((n, i) => (n, i)).ToFrozenDictionary(x => x.n, x => x.i,
            exact ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Fields matched exactly (our own documents: we are their only writer).</summary>
    public static FieldSet Exact(params string[] names) => new(true, names);

    /// <summary>The field <paramref name="key"/> names, or -1 for a key the reader does not use.</summary>
    public int Find(string key)
    {
        if (_exact) return _byName.TryGetValue(key, out var exact) ? exact : -1;
        var ascii = Ascii(key) ? key : FoldToAscii(key);
        return _byName.TryGetValue(ascii, out var id) ? id : -1;
    }

    public string Name(int id) => _names[id];

    /// <summary>Which fields an object has set so far: the second key for one field is refused.</summary>
    public struct Seen
    {
        private ulong _bits;

        public void Add(FieldSet fields, int id, string key, JsonSource source)
        {
            var bit = 1UL << id;
            if ((_bits & bit) != 0)
                throw source.Error($"\"{fields.Name(id)}\" is given twice in one object (the second time as \"{key}\"); " +
                                   "which one counts is ambiguous (Pulumi's reader keeps the last), so the file is refused");
            _bits |= bit;
        }

        public readonly bool Has(int id) => (_bits & (1UL << id)) != 0;
    }

    private static bool Ascii(string key)
    {
        foreach (var c in key)
            if (c > 0x7F) return false;
        return true;
    }

    /// <summary>
    /// The only non-ASCII characters whose simple case folding reaches an ASCII letter are the long s (U+017F, folds
    /// to s) and the Kelvin sign (U+212A, folds to k); any other non-ASCII character cannot match an ASCII field name.
    /// </summary>
    private static string FoldToAscii(string key)
    {
        var chars = key.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '\u017F' => 's',
                '\u212A' => 'k',
                var c => c,
            };
            if (chars[i] > 0x7F) return "";
        }
        return new string(chars);
    }
}
