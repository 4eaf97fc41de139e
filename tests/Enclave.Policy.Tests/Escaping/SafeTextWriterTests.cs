using CsCheck;
using Enclave.Escaping;

namespace Enclave.Policy.Tests.Escaping;

/// <summary>
/// The streaming escaper must print exactly what <see cref="SafeText.Document"/> prints for the same report, however
/// a renderer splits its writes: a split between <c>\r</c> and <c>\n</c>, inside a surrogate pair or before a lone
/// surrogate must neither let an unsafe character through nor escape a line break or emoji the document keeps.
/// </summary>
public class SafeTextWriterTests
{
    // Every character class the escaper decides on: plain, layout, C0/C1, ANSI, bidi, invisible, halves of safe and
    // unsafe astral pairs (🙂, tag U+E0041), lone surrogates, noncharacters, look-alikes, and text an escape could be confused with.
    private static readonly char[] Alphabet =
    [
        'a', ' ', '\\', 'u', '"', 'é', '東', '\r', '\n', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u009b',
        '\u202e', '\u2066', '\u200b', '\ufeff', '\u2028', '\uffff', '\ud83d', '\ude42', '\udb40', '\udc41', '\ud800', '\udfff',
        // look-alikes of ASCII: Cyrillic o, Kelvin sign, full-width p, combining dot, hyphen, no-break space, dotless i, math bold a (a pair)
        '\u043e', '\u212a', '\uff50', '\u0307', '\u2010', '\u00a0', '\u0131', '\ud835', '\udc1a',
    ];

    private static readonly Gen<string> Hostile = Gen.Int[0, Alphabet.Length - 1].Array[0, 80]
        .Select(picks => new string([.. picks.Select(p => Alphabet[p])]));

    /// <summary>Writes <paramref name="text"/> in pieces cut at <paramref name="cuts"/>, each through a different overload.</summary>
    private static string Streamed(string text, int[] cuts)
    {
        var output = new StringWriter();
        var writer = new SafeTextWriter(output);
        var bounds = cuts.Select(c => c % (text.Length + 1)).Append(0).Append(text.Length).Distinct().Order().ToArray();
        for (var k = 0; k + 1 < bounds.Length; k++)
        {
            var piece = text[bounds[k]..bounds[k + 1]];
            switch (k % 4)
            {
                case 0: writer.Write(piece); break;
                case 1: writer.Write(piece.AsSpan()); break;
                case 2: writer.Write(piece.ToCharArray(), 0, piece.Length); break;
                default: foreach (var c in piece) writer.Write(c); break;
            }
            writer.Flush(); // a flush between pieces must not settle a pending \r or high surrogate early
        }
        writer.Complete();
        return output.ToString();
    }

    [Fact]
    public void Streaming_output_equals_the_document_escaper_however_the_writes_are_split() =>
        Gen.Select(Hostile, Gen.Int[0, 200].Array[0, 12]).Sample((text, cuts) =>
            Assert.Equal(SafeText.Document(text), Streamed(text, cuts)), iter: 20_000);

    [Fact]
    public void Every_single_character_split_matches_too() =>
        Hostile.Sample(text => Assert.Equal(SafeText.Document(text), Streamed(text, [.. Enumerable.Range(0, text.Length)])), iter: 3_000);

    // Cases as data inside the test: xunit's serialisation of InlineData replaces lone surrogates with U+FFFD.
    [Fact]
    public void A_split_at_a_pair_or_line_break_is_decided_by_the_next_write()
    {
        (string First, string Second, string Expected)[] cases =
        [
            ("a\r", "\n", "a\r\n"), ("a\r", "b", "a\\rb"), ("smile \ud83d", "\ude42", "smile \ud83d\ude42"),
            ("tag \udb40", "\udc41", "tag \\udb40\\udc41"), ("lone \ud800", "x", "lone \\ud800x"), ("esc \u001b", "[31m", "esc \\u001b[31m"),
        ];
        foreach (var (first, second, expected) in cases)
        {
            var output = new StringWriter();
            var writer = new SafeTextWriter(output);
            writer.Write(first);
            writer.Write(second);
            writer.Complete();
            Assert.Equal(expected, output.ToString());
        }
    }

    [Fact]
    public void A_trailing_carriage_return_or_high_surrogate_is_escaped_at_the_end()
    {
        foreach (var (text, expected) in new[] { ("end\r", "end\\r"), ("end\ud83d", "end\\ud83d") })
        {
            var output = new StringWriter();
            var writer = new SafeTextWriter(output);
            writer.Write(text);
            writer.Flush();
            Assert.Equal("end", output.ToString()); // not decided yet: the next write could complete it
            writer.Complete();
            Assert.Equal(expected, output.ToString());
        }
    }
    // Reports of mostly plain ASCII with hostile characters between long runs: the runs WriteUtf8 copies raw.
    private static readonly Gen<string> Report = Gen.OneOf(
            Gen.Int[0, Alphabet.Length - 1].Select(p => Alphabet[p].ToString()),
            Gen.Int[1, 9000].Select(n => new string('x', n - 1) + "\n"))
        .Array[0, 12].Select(parts => string.Concat(parts));

    /// <summary>
    /// A JSON report's bytes written through <see cref="SafeTextWriter.WriteUtf8"/> into a UTF-8 file writer, cut
    /// anywhere (inside a multi-byte character too) and mixed with text writes, are the bytes of the escaped document.
    /// </summary>
    [Fact]
    public void Utf8_writes_give_the_bytes_of_the_escaped_document_however_they_are_cut() =>
        Gen.Select(Report, Gen.Int[0, 40_000].Array[0, 8], Gen.Bool).Sample((text, cuts, mixText) =>
        {
            var utf8 = new System.Text.UTF8Encoding(false);
            var bytes = utf8.GetBytes(text); // lone surrogates become U+FFFD, as any UTF-8 writer would write them
            var output = new MemoryStream();
            var file = new StreamWriter(output, utf8, 1024);
            var writer = new SafeTextWriter(file);
            var bounds = cuts.Select(c => c % (bytes.Length + 1)).Append(0).Append(bytes.Length).Distinct().Order().ToArray();
            var written = new System.Text.StringBuilder(); // the whole text written, for the expected document
            var consumed = 0;
            for (var k = 0; k + 1 < bounds.Length; k++)
            {
                writer.WriteUtf8(bytes.AsSpan(bounds[k], bounds[k + 1] - bounds[k]));
                if (mixText && k % 2 == 0 && bounds[k + 1] < bytes.Length && (bytes[bounds[k + 1]] & 0xC0) != 0x80)
                {
                    // Text between two whole characters (ending in a \r the next bytes settle) lands in order.
                    written.Append(utf8.GetString(bytes, consumed, bounds[k + 1] - consumed)).Append("\u001b[ok]\r");
                    consumed = bounds[k + 1];
                    writer.Write("\u001b[ok]\r");
                }
            }
            writer.Complete();
            written.Append(utf8.GetString(bytes, consumed, bytes.Length - consumed));
            Assert.Equal(utf8.GetBytes(SafeText.Document(written.ToString())), output.ToArray());
        }, iter: 3_000);
}
