using System.Text.Json;
using Enclave.Escaping;

namespace Enclave.Policy.Tests.Escaping;

/// <summary>The shared escaper: what it escapes, what it keeps, how it caps, and that its escapes mean the same in JSON.</summary>
public class SafeTextTests
{
    [Theory]
    [InlineData("\u001b[31mred", @"\u001b[31mred")]
    [InlineData("a\nb\r\nc\td", @"a\nb\r\nc\td")]
    [InlineData("\u202eevil\u202c", @"\u202eevil\u202c")]
    [InlineData("\u2066iso\u2069 \u200e\u200f\u061c", @"\u2066iso\u2069 \u200e\u200f\u061c")]
    [InlineData("\u0085\u009b[1m\u2028\u2029", @"\u0085\u009b[1m\u2028\u2029")]
    [InlineData("zero\u200bwidth\ufeff", @"zero\u200bwidth\ufeff")]
    [InlineData("\u0007\u0000\u007f", @"\u0007\u0000\u007f")]
    [InlineData("gate\u3164keepers\u115F\u1160\uFFA0\u2800", @"gate\u3164keepers\u115f\u1160\uffa0\u2800")] // blank letters: Hangul fillers, Braille blank
    public void Control_ansi_bidi_and_invisible_characters_are_escaped(string input, string expected) =>
        Assert.Equal(expected, SafeText.Escape(input));

    [Theory]
    [InlineData("urn:pulumi:prod::us-data-enclave::oci:Core/vcn:Vcn::vcn")]
    [InlineData("Zürich · 東京 · emoji 🙂 · café — Łódź… → ≥ 🇺🇸")]
    [InlineData("東京タワー 서울")]
    [InlineData("CIS 4.3–4.12 • ≤ ≠ ≈ ∞ ✓ ✅ ❌ ⚠ ■ ● ⌘ ␛ ↳ ⟶ ⬆ † ‰ ‼ 「東京」 ￥")]   // symbols that cannot pass for ASCII stay
    [InlineData("")]
    public void Ordinary_text_is_returned_as_it_is(string input) => Assert.Same(input, SafeText.Escape(input));

    [Theory]
    [InlineData("pr\u043Ed", @"pr\u043ed")]                      // Cyrillic o
    [InlineData("\u0391dmin \u03BFk", @"\u0391dmin \u03bfk")]     // Greek capital alpha, omicron
    [InlineData("\u212Aeys \u00C5", "\\u212aeys \u00C5")]          // Kelvin sign (Å, a Latin-1 letter, stays)
    [InlineData("pr\u0131vate", @"pr\u0131vate")]                // dotless i
    [InlineData("\uFF50rod", @"\uff50rod")]                        // full-width p
    [InlineData("a\u0307b", @"a\u0307b")]                          // combining dot above
    [InlineData("urn\u2236x\u2010y\u2044z\u00A0w", @"urn\u2236x\u2010y\u2044z\u00a0w")] // ratio, hyphen, fraction slash, no-break space
    [InlineData("\U0001D41Adm\U0001D7CE", @"\ud835\udc1adm\ud835\udfce")] // mathematical bold a and 0
    [InlineData("v\u0661", @"v\u0661")]                            // Arabic-Indic digit one
    [InlineData("\uA4D1\uA4E3\uA4F3\uA4D3", @"\ua4d1\ua4e3\ua4f3\ua4d3")]  // Lisu P R O D: a whole word from a script the list missed
    [InlineData("\u2CA3\u2C9F\u2C85", @"\u2ca3\u2c9f\u2c85")]                  // Coptic p o r
    [InlineData("\u146D\u15EA \u2D54\u16B1", @"\u146d\u15ea \u2d54\u16b1")] // Canadian syllabics P D, Tifinagh O, Runic R
    [InlineData("c\u05D5oud \u0627", @"c\u05d5oud \u0627")]                   // Hebrew vav and Arabic alef for l
    [InlineData("\uFF89\uFF70", @"\uff89\uff70")]                              // half-width katakana no (/) and prolonged mark (-)
    [InlineData("\U00010300dmin", @"\ud800\udf00dmin")]                        // Old Italic A
    [InlineData("prod-\u2228cn", @"prod-\u2228cn")]                                // logical or ∨ for v
    [InlineData("a\u2223b\u2502c\u2217", @"a\u2223b\u2502c\u2217")]              // divides ∣ and box drawing │ for |, asterisk operator ∗ for *
    [InlineData("prod\u1680db", @"prod\u1680db")]                                   // Ogham space mark: a Unicode space drawn as a dash
    [InlineData("urn\uFE55x\u1361y\u16ECz", @"urn\ufe55x\u1361y\u16ecz")]        // small colon, Ethiopic wordspace, Runic punctuation for :
    [InlineData("\u2039b\u203A \u2758 \u2717 \u25CBk", @"\u2039b\u203a \u2758 \u2717 \u25cbk")] // ‹ › for < >, ❘ for |, ✗ for x, ○ for o
    [InlineData("a\u0964b\u05C0c\u06D4", @"a\u0964b\u05c0c\u06d4")]              // Devanagari danda and Hebrew paseq for |, Urdu full stop for .
    [InlineData("a\U00010100b\U0001D100c\U00010101d", @"a\ud800\udd00b\ud834\udd00c\ud800\udd01d")] // astral: Aegean separator line, musical barline for |, Aegean dot for .
    [InlineData("\U0001F676x\U0001F677 \U0001F7C4", @"\ud83d\ude76x\ud83d\ude77 \ud83d\udfc4")]     // ornamental quotation marks for ", an extended geometric cross for +
    public void Look_alikes_of_ascii_characters_are_escaped_so_a_name_cannot_pass_for_another(string input, string expected)
    {
        Assert.Equal(expected, SafeText.Escape(input));
        Assert.Equal(expected, SafeText.Document(input));
        var writer = new StringWriter();
        var safe = new SafeTextWriter(writer);
        foreach (var c in input) safe.Write(c); // one character at a time: the streaming writer agrees
        safe.Complete();
        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public void Astral_format_characters_are_escaped_as_surrogate_pairs_and_lone_surrogates_too()
    {
        Assert.Equal(@"tag\udb40\udc41", SafeText.Escape("tag\U000E0041"));
        Assert.Equal(@"lone\ud800x", SafeText.Escape("lone\ud800x"));
    }

    [Fact]
    public void Long_values_are_cut_with_a_count_of_what_was_left_out() =>
        Assert.Equal("aaaaa… (99995 more characters)", SafeText.Escape(new string('a', 100_000), 5));

    [Fact]
    public void A_document_keeps_its_own_line_breaks_and_tabs_but_nothing_else()
    {
        Assert.Equal("line 1\n\tline 2\r\nend \\u001b[0m \\u202e \\r", SafeText.Document("line 1\n\tline 2\r\nend \u001b[0m \u202e \r"));
        var plain = "no change\nat all\n";
        Assert.Same(plain, SafeText.Document(plain));
    }

    [Fact]
    public void Escaping_a_json_document_leaves_its_data_unchanged()
    {
        const string value = "bidi \u202e iso \u2066 zwsp \u200b tag \U000E0041 nel \u0085 ls \u2028";
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["k"] = value },
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var escaped = SafeText.Document(json);
        Assert.DoesNotContain(escaped, SafeText.IsUnsafe);
        using var doc = JsonDocument.Parse(escaped);
        Assert.Equal(value, doc.RootElement.GetProperty("k").GetString());
    }

    [Fact]
    public void Quote_caps_an_echoed_value()
    {
        var quoted = SafeText.Quote(new string('x', 1_000_000) + "\n");
        Assert.StartsWith("'xxx", quoted);
        Assert.True(quoted.Length < 300);
    }

    [Fact]
    public void An_excerpt_is_a_window_around_the_position_escaped_and_marked_where_cut()
    {
        var text = new string('a', 1000) + "\u001b[31m\n" + new string('b', 1000);
        var excerpt = SafeText.Excerpt(text, 1000, 20);
        Assert.Equal("…aaaaaaaaaa\\u001b[31m\\nbbbb…", excerpt);
        Assert.Equal("ab\\u202e", SafeText.Excerpt("ab\u202e", 0, 20));
        Assert.StartsWith("aaaa", SafeText.Excerpt(text, 0, 20));
        Assert.EndsWith("bbbb", SafeText.Excerpt(text, text.Length, 20));
    }
}
