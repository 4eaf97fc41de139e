using CsCheck;
using Enclave.Offline.Stacks;
using Enclave.Policy.Inputs;
using Markdig;
using YamlDotNet.RepresentationModel;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// Round 3 of issue 12, the classes closed there, fuzzed: config keys that only look like keys someone reads
/// (namespace case, look-alike and invisible characters, unknown oci settings), YAML tags and merge keys that go-yaml
/// and YamlDotNet read differently, and Markdown text that could render as markup in a PR comment. Each property is
/// the class's invariant, not only "no crash".
/// </summary>
[Trait("Category", "Fuzz")]
public class HostileKeyFuzzTests
{
    private static readonly ProjectFile RepoProject = ProjectFile.Parse(Corpus.Text("Pulumi.yaml"), Corpus.Root);

    private static readonly string[] OciSettings = ["region", "tenancyOcid", "userOcid", "fingerprint", "privateKeyPath", "auth"];

    /// <summary>Keys near the real ones: case flips, Cyrillic or full-width look-alikes, zero-width characters, typos.</summary>
    private static readonly Gen<string> NearKeys =
        Gen.Select(Gen.OneOfConst("us-data-enclave", "oci", "random", "pulumi", "enclave", ""),
                   Gen.OneOfConst("gatekeeperCidrs", "region", "namePrefix", "tenancyOcid", "auth", "x"),
                   Gen.OneOfConst("", "upper", "cyrillic", "zwsp", "space", "fullwidth", "typo"),
                   Gen.Int[0, 30])
            .Select((ns, name, twist, at) =>
            {
                var key = ns.Length == 0 ? name : $"{ns}:{name}";
                var i = at % key.Length;
                return twist switch
                {
                    "upper" => key.ToUpperInvariant(),
                    "cyrillic" => key.Replace('a', '\u0430').Replace('e', '\u0435'),
                    "zwsp" => key.Insert(i, "\u200b"),
                    "space" => key + " ",
                    "fullwidth" => key.Replace(':', '\uff1a'),
                    "typo" => key.Insert(i, "x"),
                    _ => key,
                };
            });

    [Fact]
    public void A_config_key_is_read_only_under_a_namespace_someone_reads() =>
        Fuzz.Run(NearKeys.Array[1, 4], 1500, keys =>
        {
            var yaml = "config:\n" + string.Join("", keys.Distinct().Select((k, i) => $"  \"{k}\": v{i}\n"));
            try
            {
                var config = StackConfigFile.Parse(RepoProject, "dev", yaml);
                foreach (var key in config.Values.Keys)
                {
                    var (ns, name) = (key[..key.IndexOf(':')], key[(key.IndexOf(':') + 1)..]);
                    Assert.True(ns == "us-data-enclave" || (ns == "oci" && OciSettings.Contains(name)),
                        $"'{key}' was accepted under a namespace no one reads");
                    Assert.All(key, c => Assert.InRange(c, '!', '~'));
                }
            }
            catch (StackConfigException) { }
        }, keys => string.Join(" | ", keys));

    /// <summary>YAML with tags (core and not) and merge keys placed as keys, values and items.</summary>
    private static readonly Gen<string> Tagged =
        Gen.Select(Gen.OneOfConst("!!str ", "!!int ", "!Foo ", "!!binary ", "!!python/object:x ", "!<tag:e.com,2026:x> ", "! ", ""),
                   Gen.OneOfConst("<<", "\"<<\"", "a", "b"),
                   Gen.OneOfConst("1", "x", "{c: 1}", "[1]", "*r"))
            .Array[1, 5]
            .Select(parts => "r: &r {z: 1}\n" + string.Join("", parts.Select((p, i) => $"k{i}:\n  {p.Item2}: {p.Item1}{p.Item3}\n")));

    [Fact]
    public void No_yaml_node_is_read_with_a_tag_or_merge_key_go_yaml_would_read_otherwise() =>
        Fuzz.Run(Tagged, 1500, text =>
        {
            YamlNode? root;
            try { root = SafeYaml.Load(text); }
            catch (YamlInputException) { return; }
            foreach (var node in root!.AllNodes)
            {
                if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
                {
                    var tag = node.Tag.Value;
                    Assert.True(tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) && !tag.EndsWith("binary", StringComparison.Ordinal)
                                && !tag.Contains('/'), $"tag {tag} was read");
                }
                if (node is YamlMappingNode map)
                    Assert.DoesNotContain(map.Children.Keys, k => k is YamlScalarNode { Value: "<<", Style: YamlDotNet.Core.ScalarStyle.Plain });
            }
        });

    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseEmphasisExtras().Build();

    /// <summary>Strings from Markdown's punctuation, URL and mention pieces.</summary>
    private static readonly Gen<string> MarkdownPieces =
        Gen.OneOfConst("`", "``", "*", "_", "~~", "[", "](", ")", "![", "<", ">", "<img src=x>", "&#60;", "&amp;", "|", "\\", "#", "@octo",
                       "https://e.example/", "www.e.example", "\n", "- ", "1. ", "a", " ", ":", "!", "<!--", "-->")
            .Array[1, 12].Select(parts => string.Concat(parts));

    [Fact]
    public void Markdown_text_and_code_render_as_their_own_characters() =>
        Fuzz.Run(MarkdownPieces, 3000, text =>
        {
            var html = Markdig.Markdown.ToHtml($"| a | b |\n|---|---|\n| {Enclave.Policy.Review.Render.Markdown.Text(text)} | {Enclave.Policy.Review.Render.Markdown.Code(text)} |\n", Gfm);
            foreach (var markup in new[] { "<img", "<a ", "<em", "<strong", "<del", "<!--", "<li", "<h1" })
                Assert.DoesNotContain(markup, html, StringComparison.Ordinal);
            Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<code>")); // only the one code span
            // No mention outside the code cell (ordinal: a culture-aware search skips the zero-width space that breaks it).
            Assert.DoesNotContain("@octo", html.Replace("<code>", "\0").Split('\0')[0], StringComparison.Ordinal);
        });
}
