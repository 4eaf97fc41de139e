using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Escaping;

namespace Enclave.Policy.Review.Values;

/// <summary>
/// How a property value reads in a human report. Secrets print as <c>[secret]</c> and unknowns as
/// <c>(known after apply)</c>; strings are JSON-quoted so whitespace and empty strings stay visible.
/// The value model never holds a secret's plaintext, so nothing here can leak one. Keys, references and string
/// contents go through the shared escaper (<see cref="SafeText"/>): a value never prints a control, ANSI or bidi
/// character, nor a line break.
/// </summary>
public static class ValueText
{
    public const string SecretMarker = "[secret]";
    public const string UnknownMarker = "(known after apply)";
    /// <summary>Shown when a property is absent on one side of a change.</summary>
    public const string Absent = "(none)";

    /// <summary>Longest rendering of one value; longer ones are cut with a count of what was left out.</summary>
    public const int MaxLength = 240;

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(PropertyValue? value) => Format(value, MaxLength);

    /// <summary>As <see cref="Format(PropertyValue?)"/> with another cut-off (e.g. one policy statement per line).</summary>
    public static string Format(PropertyValue? value, int maxLength)
    {
        if (value is null) return Absent;
        var sb = new StringBuilder();
        Append(sb, value, maxLength);
        if (sb.Length <= maxLength) return sb.ToString();
        var cut = sb.ToString(0, maxLength);
        return $"{cut}… ({(sb.Length - maxLength).ToString(CultureInfo.InvariantCulture)} more chars)";
    }

    public static string Quote(string s) => SafeText.Escape(JsonSerializer.Serialize(s, QuoteOptions));

    private static void Append(StringBuilder sb, PropertyValue value, int maxLength)
    {
        // Stop early on huge values: the caller cuts at maxLength anyway.
        if (sb.Length > maxLength * 2) return;
        switch (value)
        {
            case SecretValue: sb.Append(SecretMarker); break;
            case UnknownValue: sb.Append(UnknownMarker); break;
            case NullValue: sb.Append("null"); break;
            case BoolValue b: sb.Append(b.Value ? "true" : "false"); break;
            case NumberValue n: sb.Append(n.Value.ToString("R", CultureInfo.InvariantCulture)); break;
            case StringValue s: sb.Append(Quote(s.Value)); break;
            case ResourceRefValue r: sb.Append("ref(").AppendEscaped(r.Urn).Append(')'); break;
            case ListValue l:
                sb.Append('[');
                for (var i = 0; i < l.Items.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, l.Items[i], maxLength);
                }
                sb.Append(']');
                break;
            case MapValue m:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in m.Fields)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    sb.AppendEscaped(k).Append(": ");
                    Append(sb, v, maxLength);
                }
                sb.Append('}');
                break;
            default: sb.Append(value.GetType().Name); break;
        }
    }
}
