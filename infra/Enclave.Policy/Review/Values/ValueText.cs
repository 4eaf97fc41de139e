using System.Buffers;
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

    // A Utf8JsonWriter rather than JsonSerializer: the serializer's bytes (a lone surrogate reads U+FFFD) without its
    // reflection, which the Native AOT build of the CLI does not have. One writer per thread, reset per string.
    [ThreadStatic] private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? quoter;

    public static string Format(PropertyValue? value) => Format(value, MaxLength);

    /// <summary>As <see cref="Format(PropertyValue?)"/> with another cut-off (e.g. one policy statement per line).</summary>
    public static string Format(PropertyValue? value, int maxLength) => Format(value, maxLength, ReferenceStyle.Default);

    /// <summary>
    /// As <see cref="Format(PropertyValue?, int)"/>, naming referenced resources in <paramref name="style"/>. References
    /// print bare (<c>network-data.id</c>), lookups as <c>lookup(oci:Core:getServices)</c>, clock dates as
    /// <c>now + 15 days</c>; a string with references inside is a template in backquotes,
    /// <c>`… id ${tenancy-security.id} …`</c>, where a literal backquote, backslash or <c>${</c> is escaped with a
    /// backslash. Plain strings are JSON-quoted, so neither form can pass for the other.
    /// </summary>
    public static string Format(PropertyValue? value, int maxLength, ReferenceStyle style)
    {
        if (value is null) return Absent;
        var sb = new StringBuilder();
        Append(sb, value, maxLength, style);
        if (sb.Length <= maxLength) return sb.ToString();
        var cut = sb.ToString(0, maxLength);
        return $"{cut}… ({(sb.Length - maxLength).ToString(CultureInfo.InvariantCulture)} more chars)";
    }

    public static string Quote(string s)
    {
        var (buffer, writer) = quoter ??= NewQuoter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStringValue(s);
        writer.Flush();
        return SafeText.Escape(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewQuoter()
    {
        var buffer = new ArrayBufferWriter<byte>();
        return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }));
    }

    private static void Append(StringBuilder sb, PropertyValue value, int maxLength, ReferenceStyle style)
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
            case ComputedValue: sb.Append(UnknownMarker); break;
            case ReferenceValue r: sb.AppendEscaped(style.Name(r.Urn)).Append('.').AppendEscaped(r.Output); break;
            case LookupValue l: sb.Append("lookup(").AppendEscaped(ReferenceNames.ShortToken(l.Invoke)).Append(')'); break;
            case TimeValue t: sb.Append(t); break;
            case TemplateValue t:
                sb.Append('`');
                foreach (var part in t.Parts)
                {
                    if (part is StringValue literal) AppendTemplateLiteral(sb, literal.Value);
                    else { sb.Append("${"); Append(sb, part, maxLength, style); sb.Append('}'); }
                }
                sb.Append('`');
                break;
            case ListValue l:
                sb.Append('[');
                for (var i = 0; i < l.Items.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, l.Items[i], maxLength, style);
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
                    Append(sb, v, maxLength, style);
                }
                sb.Append('}');
                break;
            default: sb.Append(value.GetType().Name); break;
        }
    }

    /// <summary>Template text: a backslash, backquote or <c>${</c> gets a backslash (so no literal can end or fake a part), then the shared escaper.</summary>
    private static void AppendTemplateLiteral(StringBuilder sb, string text) =>
        sb.AppendEscaped(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("${", "\\${", StringComparison.Ordinal));
}
