using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// Real inputs to mutate (the repository's stacks, project file and artifact fixtures) and the mutations: token
/// insertions chosen to hit parser edges (anchors, aliases, flow brackets, document markers, tags, control, bidi
/// and surrogate characters, huge numbers), deletions, duplications, truncation, deep nesting.
/// </summary>
public static class Corpus
{
    public static readonly string Root = FindRoot();

    public static string Text(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public static string[] Files(string relativeDir, string pattern) =>
        [.. Directory.GetFiles(Path.Combine(Root, relativeDir), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ",", ":", ": ", "- ", "? ", "&a ", "*a", "&b [*a, *a, *a]", "*b", "<<: *a\n", "---\n", "...\n",
        "%YAML 1.2\n", "!!binary ", "!!str ", "!custom ", "|\n  ", ">-\n  ", "\"", "'", "\\", "\\u0000", "\\uD800", "\t", "\n",
        "\r\n", "\r", "#", "~", "null", "true", "yes", "1e999", "-0", ".inf", ".nan", "0x7fffffffffffffff", "99999999999999999999999",
        "2.5", "\u202e", "\u2066", "\u001b[31m", "\u0085", "\u2028", "\ufeff", "\ud800", "\U0001F600", "\u0000", "secure: ",
        "urn:pulumi:", "::", "$", "\"secure\": \"v1:\"", "{\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\"}",
    ];

    /// <summary>Applies 1 to 6 random edits to a text drawn from <paramref name="seeds"/>.</summary>
    public static Gen<string> Mutated(params string[] seeds) =>
        Gen.Select(Gen.OneOfConst(seeds), Gen.Select(Gen.Int[0, 7], Gen.Int[0, int.MaxValue], Gen.OneOfConst(Tokens)).Array[1, 6], Edit);

    /// <summary>Bytes instead of text: for loaders that see bytes first (BOMs, invalid UTF-8, NULs).</summary>
    public static Gen<byte[]> MutatedBytes(params string[] seeds) =>
        Gen.Select(Mutated(seeds), Gen.Int[0, 3], Gen.Int[0, int.MaxValue], (text, kind, at) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length == 0) return bytes;
            var i = at % bytes.Length;
            switch (kind)
            {
                case 0: bytes[i] ^= (byte)(1 << (at % 8)); break;
                case 1: bytes[i] = 0xFF; break;
                case 2: return [0xFE, 0xFF, .. bytes];
            }
            return bytes;
        });

    /// <summary>
    /// Structure-aware: 1 to 4 values (scalars or whole objects and lists) of a JSON seed replaced by a value of
    /// another type, so every field a reader or rule reads meets an object, a list, a number, a string, a boolean,
    /// null, or a Pulumi special value with a wrong part (a signature or marker that is itself an object). Character
    /// edits almost never keep a document valid JSON while changing a value's type; this does every time. Seeds that
    /// are not one JSON document (NDJSON event logs) are left out.
    /// </summary>
    public static Gen<string> TypeSwapped(params string[] seeds)
    {
        var documents = seeds.Where(IsOneDocument).ToArray();
        return Gen.Select(Gen.OneOfConst(documents), Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, Replacements.Length - 1]).Array[1, 4], (seed, swaps) =>
        {
            var root = JsonNode.Parse(seed)!;
            foreach (var (at, kind) in swaps)
            {
                var slots = new List<(JsonNode Parent, string? Key, int Index)>();
                Slots(root, slots);
                if (slots.Count == 0) break;
                var (parent, key, index) = slots[at % slots.Count];
                var value = JsonNode.Parse(Replacements[kind]);
                if (key is not null) parent[key] = value;
                else parent.AsArray()[index] = value;
            }
            return root.ToJsonString();
        });
    }

    private const string Sig = "\"4dabf18193072939515e22adb298388d\"";

    /// <summary>What a value is replaced by (parsed afresh each time: a node has one parent).</summary>
    private static readonly string[] Replacements =
    [
        "{}", "[]", "2.5", "-1", "1e300", "\"x\"", "\"\"", "true", "false", "null", "[null, 1, \"a\", {}]",
        "{\"a\": {\"b\": [1, {\"c\": \"d\"}]}}", "\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\"", "\"[secret]\"",
        $"{{{Sig}: {{\"nested\": [\"1b47061264138c4ac30d75fd1eb44270\"]}}, \"ciphertext\": \"v1:x\"}}",
        $"{{{Sig}: [\"1b47061264138c4ac30d75fd1eb44270\"]}}",
        $"{{{Sig}: 7}}",
        $"{{{Sig}: \"1b47061264138c4ac30d75fd1eb44270\", \"ciphertext\": {{\"x\": [1]}}}}",
        $"{{{Sig}: \"5cf8f73096256a8f31e491e813e4eb8e\", \"urn\": {{\"x\": 1}}, \"id\": [\"y\"]}}",
        $"{{{Sig}: \"d0e6a833031e9bbcd3f4e8bde6ca49a4\", \"value\": {{{Sig}: {{}}}}, \"secret\": \"true\"}}",
        $"{{{Sig}: \"c44067f5952c0a294b673a41bacd8c17\", \"hash\": {{}}, \"path\": []}}",
        "{\"$enclave\": {\"secret\": 1}, \"x\": 1}", "{\"$enclave\": \"resource\", \"urn\": []}",
    ];

    private static void Slots(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    slots.Add((o, k, -1));
                    if (v is not null) Slots(v, slots);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, null, i));
                    if (a[i] is { } v) Slots(v, slots);
                }
                break;
        }
    }

    private static bool IsOneDocument(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not { } root) return false;
            Slots(root, []); // materialises every object: one with a duplicate key throws here, not in a sample
            return true;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException) { return false; }
    }

    private static string Edit(string seed, (int Kind, int At, string Token)[] edits)
    {
        var sb = new StringBuilder(seed);
        foreach (var (kind, at, token) in edits)
        {
            var i = sb.Length == 0 ? 0 : at % (sb.Length + 1);
            var span = 1 + at % 200;
            switch (kind)
            {
                case 0 or 1: sb.Insert(i, token); break;
                case 2: sb.Remove(i, Math.Min(span, sb.Length - i)); break;
                case 3: sb.Insert(i, sb.ToString(i, Math.Min(span, sb.Length - i))); break;
                case 4: sb.Length = i; break;
                case 5: sb.Insert(i, string.Concat(Enumerable.Repeat(token, 1 + at % 300))); break;
                case 6: sb.Insert(i, new string('[', 1 + at % 400)); break;
                default: if (sb.Length > 0) sb[Math.Min(i, sb.Length - 1)] = (char)(at % 0xFFFF); break;
            }
        }
        return sb.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "stacks")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (Pulumi.yaml + stacks/) not found above the test binaries");
    }
}
