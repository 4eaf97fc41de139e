using Enclave.Policy.Inputs;

namespace Enclave.Policy.Tests.Inputs;

/// <summary>
/// Round 5 (hostile): YAML readers, Pulumi's and ours alike, end a line at U+2028, U+2029 and U+0085, which a diff view
/// shows inside the line, so `# reviewed&lt;U+2028&gt;  us-data-enclave:parentCompartmentOcid: …` set a key the reviewer
/// saw as a comment, and the gate passed it. Every character of a YAML input must now be visible or layout.
/// </summary>
public class VisibleYamlTextTests
{
    [Theory]
    [InlineData("a: 1 # note\u2028b: 2\n", 1, 12, "U+2028, a line break to YAML readers")]
    [InlineData("a: 1 # note\u2029b: 2\n", 1, 12, "U+2029, a line break")]
    [InlineData("a: 1\n# x\u0085b: 2\n", 2, 4, "U+0085, a line break")]
    [InlineData("a: 1\nb: \"x\" # \u202e }2 :c{\n", 2, 10, "U+202E, an invisible or reordering character")]
    [InlineData("a: 1\nb: x\u200by\n", 2, 5, "U+200B, an invisible")]
    [InlineData("a: 1\nb: x\U000E0041\n", 2, 5, "U+E0041, an invisible")]
    [InlineData("a: \u001b[32mOK\n", 1, 4, "the control character U+001B")]
    [InlineData("a: x\u0080\n", 1, 5, "the control character U+0080")]
    public void A_character_a_reviewer_cannot_see_as_read_is_refused_at_its_line(string yaml, int line, int column, string what)
    {
        var e = Assert.Throws<YamlInputException>(() => SafeYaml.Load(yaml));
        Assert.False(e.IsSyntax);
        Assert.Equal((line, column), ((int)e.Line, (int)e.Column));
        Assert.StartsWith("holds " + what, e.Problem, StringComparison.Ordinal);
        Assert.All(e.Message, c => Assert.False(c < ' ' || c > '~', $"unsafe character U+{(int)c:X4} in the message"));
    }

    [Fact]
    public void A_lone_surrogate_is_refused() // (an attribute cannot hold one: built here)
    {
        var e = Assert.Throws<YamlInputException>(() => SafeYaml.Load("a: x" + (char)0xD800 + "\n"));
        Assert.StartsWith("holds U+D800", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\uFEFFa: 1\n")]                       // a byte-order mark at the start
    [InlineData("a: 1\r\nb:\t[x]\r\n")]                // CRLF and a tab
    [InlineData("a: café — ok 🚀\n# ✓ reviewed\n")]   // visible non-ASCII, astral included
    [InlineData("a: \"x\\u2028y\\u202e\"\n")]           // written as escapes: visible in the file
    public void Visible_text_and_layout_are_read(string yaml) => Assert.NotNull(SafeYaml.Load(yaml));
}
