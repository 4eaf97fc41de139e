using Enclave.Policy.Inputs;
using YamlDotNet.RepresentationModel;

namespace Enclave.Policy.Tests.Inputs;

/// <summary>
/// Round 3 of issue 12: YAML a pull request writes must mean one thing to Pulumi's reader (go-yaml) and to ours
/// (YamlDotNet). A custom tag (<c>namePrefix: !Foo x</c>, <c>!Ref</c> on a mapping) and <c>!!binary</c> or
/// <c>!!python/object</c> were silently dropped or half-read, and a merge key <c>&lt;&lt;: *base</c>, which go-yaml
/// merges, reached our code as a key named &lt;&lt;. Both are refused while parsing, naming line and column.
/// </summary>
public class YamlTagAndMergeTests
{
    [Theory]
    [InlineData("a: !Foo x\n", "!Foo")]
    [InlineData("a: !Ref\n  b: 1\n", "!Ref")]
    [InlineData("a: !!binary aGk=\n", "!!binary")]
    [InlineData("a: !!python/object:os.system [ls]\n", "!!python/object:os.system")]
    [InlineData("a:\n  - !!timestamp 2026-01-01\n", "!!timestamp")]
    [InlineData("!!set {a, b}\n", "!!set")]
    [InlineData("a: !<tag:example.com,2026:x> y\n", "tag:example.com,2026:x")]
    public void A_tag_outside_the_core_schema_is_refused_with_its_position(string yaml, string shown)
    {
        var e = Assert.Throws<YamlInputException>(() => SafeYaml.Load(yaml));
        Assert.False(e.IsSyntax);
        Assert.StartsWith($"tag {shown} is not read here", e.Problem, StringComparison.Ordinal);
        Assert.True(e.Line >= 1);
    }

    [Theory]
    [InlineData("a: !!str 5\nb: !!int 5\nc: !!bool true\nd: !!null ~\ne: !!float 1.5\nf: !!seq [1]\ng: !!map {h: 1}\ni: ! x\n")]
    public void Core_schema_tags_still_read(string yaml)
    {
        var root = Assert.IsType<YamlMappingNode>(SafeYaml.Load(yaml));
        Assert.Equal(8, root.Children.Count);
    }

    [Theory]
    [InlineData("base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n", 3)]
    [InlineData("base: &b {x: 1}\nitems: [{<<: *b}]\n", 2)]
    [InlineData("<<: {x: 1}\n", 1)]
    public void A_merge_key_is_refused_where_go_yaml_would_merge(string yaml, int line)
    {
        var e = Assert.Throws<YamlInputException>(() => SafeYaml.Load(yaml));
        Assert.StartsWith("merge key <<:", e.Problem, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
    }

    [Theory]
    [InlineData("a: <<\n")]               // a value, not a key
    [InlineData("\"<<\": 1\n")]           // a quoted key is an ordinary key in go-yaml too
    [InlineData("- <<\n- x\n")]
    [InlineData("a: {b: <<, <<c: 1}\n")]
    public void Double_angle_text_that_is_not_a_merge_key_still_reads(string yaml) =>
        Assert.NotNull(SafeYaml.Load(yaml));
}
