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
    [GeneratedRegex("^[-+]?[0-9]+$")] private static partial Regex Decimal();
    [GeneratedRegex("^0x[0-9a-fA-F]+$")] private static partial Regex Hex();
    [GeneratedRegex("^0o[0-7]+$")] private static partial Regex Octal();
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
                foreach (var (k, v) in map.Children.Select(c => (file.KeyText(c.Key), c)).OrderBy(c => c.Item1, StringComparer.Ordinal))
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
                WriteScalar(w, s);
                break;
            default:
                throw file.Error(node, "unsupported YAML node (aliases must resolve to values)");
        }
    }

    private static void WriteScalar(Utf8JsonWriter w, YamlScalarNode s)
    {
        var text = s.Value ?? "";
        if (s.Style != ScalarStyle.Plain || !s.Tag.IsEmpty)
        {
            w.WriteStringValue(text);
            return;
        }
        if (IsNull(s)) w.WriteNullValue();
        else if (text is "true" or "True" or "TRUE") w.WriteBooleanValue(true);
        else if (text is "false" or "False" or "FALSE") w.WriteBooleanValue(false);
        else if (Integer(text) is { } integer) w.WriteRawValue(integer);
        else if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            w.WriteNumberValue(d);
        else w.WriteStringValue(text);
    }

    /// <summary>
    /// An integer as go-yaml (Pulumi's reader) resolves it: decimal, <c>0x</c> or <c>0o</c> within 64 bits (signed or
    /// unsigned); anything longer is no integer to it (a long decimal becomes a float when finite, the rest stay
    /// strings). Parsed as <see cref="long"/>/<see cref="ulong"/> only: a megabyte of digits converted through
    /// BigInteger took tens of seconds of CPU (its parse and print are quadratic), before the key was even looked at.
    /// </summary>
    private static string? Integer(string text)
    {
        if (text.Length > 70) return null; // no 64-bit integer is written longer, even with leading zeros
        if (Decimal().IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n.ToString(CultureInfo.InvariantCulture);
            return ulong.TryParse(text.TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u.ToString(CultureInfo.InvariantCulture) : null;
        }
        if (Hex().IsMatch(text))
            return ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) ? h.ToString(CultureInfo.InvariantCulture) : null;
        if (Octal().IsMatch(text) && text.Length - 2 <= 22)
        {
            ulong o = 0;
            foreach (var c in text.AsSpan(2))
            {
                if (o > ulong.MaxValue >> 3) return null;
                o = (o << 3) | (uint)(c - '0');
            }
            return o.ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }
}
