using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Enclave.Policy.Engine;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Reports;

/// <summary>
/// Writes a finding of the JSON report as one raw value, byte for byte what <see cref="JsonReportWriter"/>'s
/// property-by-property writing makes of it: a large state's report is ~970k findings and ~480 MB, and six of a
/// finding's eight fields (rule id, severity, enforcement, status, blocking, and the empty details) are the same for
/// every finding of a rule with one status, so they are encoded once per rule and copied. Only the common case is
/// taken here: a URN and message that are ASCII and need no escaping by the report's encoder (the same test the
/// writer makes before writing a string as it is), no evidence lines, no waiver, and values of the declared enums.
/// Anything else (<see cref="TryWrite"/> false) is left to the writer, so escaping stays the writer's alone.
/// </summary>
internal sealed class JsonFindingBytes(Utf8JsonWriter writer, ReportSet set, JavaScriptEncoder encoder,
    JsonEncodedText[] severities, JsonEncodedText[] enforcements, JsonEncodedText[] statuses)
{
    // The writer's layout: a finding is an item of the findings array, its fields one level deeper.
    private readonly byte[] _newLine = Encoding.UTF8.GetBytes(writer.Options.NewLine);
    private readonly byte _indentCharacter = (byte)writer.Options.IndentCharacter;
    private readonly int _indentSize = writer.Options.IndentSize;
    private readonly ArrayBufferWriter<byte> _bytes = new(1024);
    private RuleInfo? _rule;
    // Per status and blocking flag, the rule's fields up to the URN's opening quote.
    private readonly byte[]?[] _heads = new byte[]?[8];
    private byte[] _between = [], _unreadable = [], _tail = [];
    private static readonly byte[] Quote = [(byte)'"'];
    private int _depth = -1;

    /// <summary>Writes <paramref name="f"/> as the writer would, or leaves it (false) when it is not the common case.</summary>
    public bool TryWrite(ReportedFinding f)
    {
        if (!writer.Options.Indented) return false;
        if (f.Waiver is not null || !f.Evidence.IsEmpty) return false;
        var rule = f.Rule;
        var (severity, enforcement, status) = (rule.Severity, rule.Enforcement, f.Status);
        if ((uint)severity >= (uint)severities.Length || (uint)enforcement >= (uint)enforcements.Length
            || (uint)status >= (uint)statuses.Length || (uint)status >= 4) return false;
        // The rule's fields are fixed per status and blocking flag; a new rule starts new ones.
        if (writer.CurrentDepth != _depth) Layout(writer.CurrentDepth);
        if (!ReferenceEquals(rule, _rule))
        {
            _rule = rule;
            Array.Clear(_heads);
        }
        var blocking = set.Blocks(f);
        var head = _heads[(int)status * 2 + (blocking ? 1 : 0)] ??= Head(rule, severity, enforcement, status, blocking);

        _bytes.ResetWrittenCount();
        Append(head);
        if (!AppendPlain(f.Urn)) return false;
        Append(_between);
        var text = f.Text;
        var parts = text.Parts;
        if (parts.IsEmpty)
        {
            if (!AppendPlain(text.ToString())) return false;
        }
        else
        {
            foreach (var part in parts)
                if (!AppendPlain(part)) return false;
        }
        Append(Quote);
        if (f.Unreadable) Append(_unreadable);
        Append(_tail);
        writer.WriteRawValue(_bytes.WrittenSpan, skipInputValidation: true);
        return true;
    }

    /// <summary>The fixed bytes for findings written at <paramref name="depth"/> (the findings array's).</summary>
    private void Layout(int depth)
    {
        _depth = depth;
        Array.Clear(_heads);
        _rule = null;
        // After the URN: its closing quote, then the message's name; after the message's closing quote, the optional
        // unreadable flag and the (empty) details.
        _between = Join("\",", Line(depth + 1), "\"message\": \"");
        _unreadable = Join(",", Line(depth + 1), "\"unreadable\": true");
        _tail = Join(",", Line(depth + 1), "\"details\": []", Line(depth), "}");
    }

    private byte[] Head(RuleInfo rule, Severity severity, Enforcement enforcement, FindingStatus status, bool blocking)
    {
        var inner = Line(_depth + 1);
        var id = JsonEncodedText.Encode(rule.Id, encoder);
        // The writer puts the comma between items but, for a raw value, not the new line and indentation before it.
        return Join(Line(_depth), "{", inner, "\"ruleId\": \"", id, "\",", inner, "\"severity\": \"", severities[(int)severity], "\",",
            inner, "\"enforcement\": \"", enforcements[(int)enforcement], "\",", inner, "\"status\": \"", statuses[(int)status], "\",",
            inner, blocking ? "\"blocking\": true," : "\"blocking\": false,", inner, "\"urn\": \"");
    }

    /// <summary>A new line and the indentation of <paramref name="depth"/>.</summary>
    private byte[] Line(int depth)
    {
        var line = new byte[_newLine.Length + depth * _indentSize];
        _newLine.CopyTo(line, 0);
        line.AsSpan(_newLine.Length).Fill(_indentCharacter);
        return line;
    }

    private static byte[] Join(params object[] pieces)
    {
        var bytes = new List<byte>();
        foreach (var piece in pieces)
            bytes.AddRange(piece switch
            {
                string s => Encoding.UTF8.GetBytes(s),
                byte[] b => b,
                JsonEncodedText t => t.EncodedUtf8Bytes.ToArray(),
                _ => throw new ArgumentException("unexpected piece", nameof(pieces)),
            });
        return [.. bytes];
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_bytes.GetSpan(bytes.Length));
        _bytes.Advance(bytes.Length);
    }

    /// <summary>
    /// Appends <paramref name="text"/> when it is ASCII and the encoder would leave every character as it is (the
    /// writer then writes its bytes unchanged); false otherwise, with nothing to undo (the buffer is started anew).
    /// </summary>
    private bool AppendPlain(string? text)
    {
        if (string.IsNullOrEmpty(text)) return true;
        var span = _bytes.GetSpan(text.Length);
        if (Ascii.FromUtf16(text, span, out var written) != OperationStatus.Done) return false;
        if (encoder.FindFirstCharacterToEncodeUtf8(span[..written]) >= 0) return false;
        _bytes.Advance(written);
        return true;
    }
}
