using System.Security.Cryptography;
using System.Text;

namespace Enclave.Offline.Fakes;

/// <summary>
/// Deterministic stand-ins for Pulumi.Random results: the same resource name always yields the same value, so plans
/// are reproducible; they honour the declared length and character-class minimums so the program sees a plausible
/// value. The offline runner knows every one of them and treats them as secrets wherever they appear.
/// </summary>
public static class FakeSecrets
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string DefaultSpecial = "!#$%&*()-_=+[]{}<>:?";

    /// <summary>A RandomPassword/RandomString result for resource <paramref name="name"/> with the given inputs (wire names).</summary>
    public static string Generate(string type, string name, IReadOnlyDictionary<string, object> inputs)
    {
        var length = Int(inputs, "length", 16);
        var special = Bool(inputs, "special", true)
            ? inputs.TryGetValue("overrideSpecial", out var o) && o is string { Length: > 0 } s ? s : DefaultSpecial
            : "";
        var classes = new List<(string Chars, int Min)>
        {
            (Bool(inputs, "upper", true) ? Upper : "", Int(inputs, "minUpper", 1)),
            (Bool(inputs, "lower", true) ? Lower : "", Int(inputs, "minLower", 1)),
            (Bool(inputs, "numeric", true) ? Digits : "", Int(inputs, "minNumeric", 1)),
            (special, Int(inputs, "minSpecial", special.Length > 0 ? 1 : 0)),
        }.Where(c => c.Chars.Length > 0).ToList();
        var all = string.Concat(classes.Select(c => c.Chars));
        if (all.Length == 0) all = Lower;

        var stream = new ByteStream($"{type}\u001f{name}");
        var chars = new List<char>(length);
        foreach (var (set, min) in classes)
            for (var i = 0; i < min && chars.Count < length; i++) chars.Add(set[stream.Next() % set.Length]);
        while (chars.Count < length) chars.Add(all[stream.Next() % all.Length]);
        // Deterministic shuffle so the required classes are not always at the front.
        for (var i = chars.Count - 1; i > 0; i--)
        {
            var j = stream.Next() % (i + 1);
            (chars[i], chars[j]) = (chars[j], chars[i]);
        }
        return new string(chars.ToArray());
    }

    private static int Int(IReadOnlyDictionary<string, object> inputs, string key, int fallback) =>
        inputs.TryGetValue(key, out var v) && v is double d ? (int)d : inputs.TryGetValue(key, out v) && v is int i ? i : fallback;

    private static bool Bool(IReadOnlyDictionary<string, object> inputs, string key, bool fallback) =>
        inputs.TryGetValue(key, out var v) && v is bool b ? b : fallback;

    /// <summary>An endless deterministic byte stream (SHA-256 in counter mode).</summary>
    private sealed class ByteStream(string seed)
    {
        private byte[] _block = [];
        private int _position;
        private int _counter;

        public int Next()
        {
            if (_position == _block.Length)
            {
                _block = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u001f{_counter++}"));
                _position = 0;
            }
            return _block[_position++];
        }
    }
}
