using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Enclave.Offline.Stacks;

/// <summary>
/// Converts stack config YAML to what the engine hands a program: a top-level scalar is its text; a list or an
/// object is compact JSON with keys sorted (the Pulumi CLI marshals maps that way), plain scalars typed by YAML 1.2's
/// core schema (null, true/false, integers, floats; quoted scalars stay strings). <c>{secure: …}</c> anywhere marks
/// the value secret; it cannot be decrypted offline, so a fixed placeholder stands in.
/// </summary>
internal static partial class YamlJson
{
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")] private static partial Regex Float();

    public static bool IsSecure(YamlNode node, out YamlScalarNode? cipher)
    {
        cipher = null;
        if (node is YamlMappingNode { Children.Count: 1 } m &&
            m.Children.First() is { Key: YamlScalarNode { Value: "secure" }, Value: YamlScalarNode c })
        {
            cipher = c;
            return true;
        }
        return false;
    }

    /// <summary>The engine string for a top-level config value; <paramref name="secret"/> tells whether it holds a secret.</summary>
    public static string ToConfigString(YamlFile file, YamlNode node, string placeholder, out bool secret)
    {
        secret = false;
        if (IsSecure(node, out _))
        {
            secret = true;
            return placeholder;
        }
        if (node is YamlScalarNode scalar) return scalar.Value ?? "";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(file, writer, node, placeholder, ref secret, depth: 0);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// A stack config value Pulumi reads as the empty string: go-yaml never calls Pulumi's reader for a null node
    /// (plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c>, nothing, or tagged <c>!!null</c>), so the value stays Go's
    /// zero, "". Read as its text, <c>oci:region: ~</c> was the region "~" to the gate and no region (the provider's
    /// own default) to Pulumi.
    /// </summary>
    public static bool IsPulumiNull(YamlFile file, YamlScalarNode s)
    {
        if (IsNull(s)) return true;
        if (s.Tag.IsEmpty || s.Tag.Value != NullTag) return false;
        return s.Value is null or "" or "~" or "null" or "Null" or "NULL"
            ? true : throw file.Error(s, $"'{Enclave.Escaping.SafeText.Escape(s.Value, 40)}' is tagged !!null but is not one");
    }

    /// <summary>True for a plain null scalar (<c>~</c>, <c>null</c>, empty).</summary>
    public static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && s.Tag.IsEmpty && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    private static void Write(YamlFile file, Utf8JsonWriter w, YamlNode node, string placeholder, ref bool secret, int depth)
    {
        if (depth > 64) throw file.Error(node, "is nested more than 64 levels deep");
        switch (node)
        {
            case YamlMappingNode map when IsSecure(map, out _):
                secret = true;
                w.WriteStringValue(placeholder);
                break;
            case YamlMappingNode map:
                w.WriteStartObject();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (k, v) in map.Children.Select(c => (ObjectKey(file, c.Key), c)).OrderBy(c => c.Item1, StringComparer.Ordinal))
                {
                    if (!seen.Add(k)) throw file.Error(v.Key, $"duplicate key '{k}'");
                    w.WritePropertyName(k);
                    Write(file, w, v.Value, placeholder, ref secret, depth + 1);
                }
                w.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                w.WriteStartArray();
                foreach (var item in seq.Children) Write(file, w, item, placeholder, ref secret, depth + 1);
                w.WriteEndArray();
                break;
            case YamlScalarNode s:
                WriteScalar(file, w, s);
                break;
            default:
                throw file.Error(node, "unsupported YAML node (aliases must resolve to values)");
        }
    }

    /// <summary>
    /// A key of an object value, which must be text to Pulumi too. go-yaml reads a plain <c>True</c>, <c>0x10</c>,
    /// <c>1.0</c> or <c>~</c> key as a boolean, number or null, and Pulumi turns it back into text with Go's <c>%v</c>
    /// (<c>true</c>, <c>16</c>, <c>1</c>, <c>&lt;nil&gt;</c>): the program would get another key than the gate read, and
    /// <c>{0x10: a, 16: b}</c> one key (the last value) where the gate saw two. Such keys are refused; quoted, they are text.
    /// </summary>
    private static string ObjectKey(YamlFile file, YamlNode key)
    {
        var text = file.KeyText(key);
        var s = (YamlScalarNode)key;
        var tag = s.Tag.IsEmpty ? null : s.Tag.Value;
        if (tag is null ? s.Style != ScalarStyle.Plain : tag is not (IntTag or FloatTag or BoolTag or NullTag)) return text;
        var kind = IsNull(s) || tag == NullTag ? "null"
            : text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE" || tag == BoolTag ? "a boolean"
            : NotFinite.Contains(text) || Integer(text) is not null || Number(text) is not null || tag is IntTag or FloatTag ? "a number"
            : null;
        if (kind is null) return text;
        throw file.Error(key, $"key '{Enclave.Escaping.SafeText.Escape(text, 40)}' is {kind} to Pulumi's YAML reader, which passes it to the " +
                              "program rewritten as Go prints it (True as true, 0x10 as 16, ~ as <nil>), not as written; quote it " +
                              $"('{Enclave.Escaping.SafeText.Escape(text, 40)}') to keep it text");
    }

    private static void WriteScalar(YamlFile file, Utf8JsonWriter w, YamlScalarNode s)
    {
        var text = s.Value ?? "";
        var tag = s.Tag.IsEmpty ? null : s.Tag.Value;
        if (tag is null ? s.Style != ScalarStyle.Plain : tag is not (IntTag or FloatTag or BoolTag or NullTag))
        {
            w.WriteStringValue(text);
            return;
        }
        // Plain scalars, and scalars tagged with a core type (go-yaml resolves `!!int "2"` as it resolves 2).
        if (tag is null or FloatTag && NotFinite.Contains(text))
            throw file.Error(s, $"'{text}' is a float that is {(text.Contains("nan", StringComparison.OrdinalIgnoreCase) ? "not a number" : "infinite")} " +
                                "to Pulumi's YAML reader, which then cannot pass it to the program (JSON has no such number) and refuses " +
                                $"the stack; quote it ('{text}') for the text, or write a finite number");
        if (tag is null or NullTag && (IsNull(s) || text is "~" or "null" or "Null" or "NULL" or "")) w.WriteNullValue();
        else if (tag is null or BoolTag && text is "true" or "True" or "TRUE") w.WriteBooleanValue(true);
        else if (tag is null or BoolTag && text is "false" or "False" or "FALSE") w.WriteBooleanValue(false);
        else if (tag is null or IntTag or FloatTag && Integer(text) is { } integer) w.WriteRawValue(integer);
        else if (tag is null or FloatTag && Number(text) is { } d) w.WriteNumberValue(d);
        else if (tag is null) w.WriteStringValue(text);
        else throw file.Error(s, $"'{Enclave.Escaping.SafeText.Escape(text, 40)}' is tagged {tag.Replace("tag:yaml.org,2002:", "!!")} but is not one");
    }

    /// <summary>
    /// go-yaml's spellings of infinity and NaN (YAML 1.2 core schema). Inside a list or object Pulumi marshals the value
    /// to JSON for the program, which fails on them; read as the text they are written as, they would pass the gate.
    /// (A top-level value is read as its text by both, and a timestamp inside one stays the text as written: go-yaml
    /// keeps timestamps as strings when it decodes into an untyped value.)
    /// </summary>
    private static readonly HashSet<string> NotFinite = new(StringComparer.Ordinal)
    {
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    };

    private const string IntTag = "tag:yaml.org,2002:int";
    private const string FloatTag = "tag:yaml.org,2002:float";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string NullTag = "tag:yaml.org,2002:null";

    /// <summary>
    /// An integer as go-yaml v3 (Pulumi's reader) resolves a plain scalar: underscores dropped, then Go's
    /// <c>strconv.ParseInt(s, 0, 64)</c> (sign; <c>0x</c>, <c>0o</c>, <c>0b</c>, and a leading <c>0</c> for octal:
    /// <c>060</c> is 48 to Pulumi, so the gate must not judge 60) or <c>ParseUint</c> within 64 bits. Anything longer
    /// is no integer to it. Parsed with a 64-bit accumulator only: a megabyte of digits through BigInteger took tens of
    /// seconds of CPU (its parse and print are quadratic) before the key was even looked at.
    /// </summary>
    private static string? Integer(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] is '+' or '-') || text.Length > 100) return null;
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        var i = plain.Length > 0 && plain[0] is '+' or '-' ? 1 : 0;
        var negative = i == 1 && plain[0] == '-';
        var radix = 10;
        if (plain.Length - i >= 2 && plain[i] == '0' && char.ToLowerInvariant(plain[i + 1]) is 'x' or 'o' or 'b')
        {
            radix = char.ToLowerInvariant(plain[i + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            i += 2;
        }
        else if (plain.Length - i >= 2 && plain[i] == '0') radix = 8;
        if (i >= plain.Length) return null;
        ulong value = 0;
        foreach (var c in plain.AsSpan(i))
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix || value > (ulong.MaxValue - (ulong)digit) / (ulong)radix) return null;
            value = value * (ulong)radix + (ulong)digit;
        }
        if (negative) return value <= 1UL << 63 ? (value == 0 ? "0" : "-" + value.ToString(CultureInfo.InvariantCulture)) : null;
        // ParseUint takes no sign: past int64, "+" makes it a float.
        return plain[0] == '+' && value > long.MaxValue ? null : value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A finite float as go-yaml resolves one (its float pattern, underscores dropped), else null.</summary>
    private static double? Number(string text)
    {
        var plain = text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '+' or '-') ? text.Replace("_", "", StringComparison.Ordinal) : text;
        return Float().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }
}
