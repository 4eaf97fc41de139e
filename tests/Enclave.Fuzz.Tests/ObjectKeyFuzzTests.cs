using System.Text.RegularExpressions;
using CsCheck;
using Enclave.Offline.Stacks;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// Round 5 of issue 12, fuzzed: a key inside an object value is accepted only when Pulumi's reader (go-yaml) reads it
/// as text, so the program gets the key the gate judged. The oracle is go-yaml's resolution written out as patterns
/// (its boolean and null spellings, Go's integer literals, its float pattern), independent of the gate's reader.
/// </summary>
[Trait("Category", "Fuzz")]
public partial class ObjectKeyFuzzTests
{
    private static readonly ProjectFile RepoProject = ProjectFile.Parse(Corpus.Text("Pulumi.yaml"), Corpus.Root);

    private static readonly Gen<(string Text, bool Quoted)> Keys =
        Gen.Select(Gen.OneOfConst("True", "true", "FALSE", "yes", "on", "~", "null", "Null", "", "0x1F", "0o17", "0b11", "017", "08", "1_000",
                                  "+5", "-0", "1.0", ".5", "1e3", "1e400", ".inf", "-.Inf", ".NaN", "us-ashburn-1", "1-2", "0x", "_1", "a1"),
                   Gen.Bool);

    [Fact]
    public void An_object_key_is_accepted_only_when_go_yaml_reads_it_as_text() =>
        Fuzz.Run(Keys.Array[1, 4], 2000, keys =>
        {
            var distinct = keys.DistinctBy(k => k.Text).ToArray();
            var map = string.Join(", ", distinct.Select((k, i) => $"{(k.Quoted ? $"'{k.Text}'" : k.Text)}: v{i}"));
            var yaml = $"config:\n  us-data-enclave:oracleIds: {{{map}}}\n";
            var nonText = distinct.Where(k => !k.Quoted && !GoYamlReadsAsText(k.Text)).ToArray();
            try
            {
                StackConfigFile.Parse(RepoProject, "dev", yaml);
                Assert.True(nonText.Length == 0, $"key '{nonText.FirstOrDefault().Text}' was accepted as text, which go-yaml reads as a scalar of another type");
            }
            catch (StackConfigException e) when (nonText.Length > 0 || !e.Message.Contains("to Pulumi's YAML reader", StringComparison.Ordinal))
            {
                Assert.DoesNotContain('\n', e.Message);
            }
        }, keys => string.Join(" | ", keys.Select(k => k.Quoted ? $"'{k.Text}'" : k.Text)));

    private static bool GoYamlReadsAsText(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE") return false;
        if (text is ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN") return false;
        var numeric = text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '+' or '-');
        var plain = numeric ? text.Replace("_", "", StringComparison.Ordinal) : text;
        if (numeric && GoInteger().IsMatch(plain)) return false;
        return !(YamlFloat().IsMatch(plain) && double.IsFinite(double.Parse(plain, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex("^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$")]
    private static partial Regex GoInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();
}
