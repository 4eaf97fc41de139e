using Enclave.Policy.Inputs;
using YamlDotNet.RepresentationModel;

namespace Enclave.Policy.Tests.Inputs;

/// <summary>
/// Issue 12.1: the YAML reader enforces its limits while parsing. Deep nesting crashed the process (stack overflow,
/// exit 134) and an alias bomb took seconds and gigabytes; both now stop at the offending event with its line.
/// </summary>
public class SafeYamlTests
{
    private static YamlInputException Refused(string yaml, YamlLimits? limits = null) =>
        Assert.Throws<YamlInputException>(() => SafeYaml.Load(yaml, limits));

    [Fact]
    public void An_alias_bomb_is_refused_while_parsing_with_bounded_memory()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Refused(HostileYaml.BillionLaughs());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(e.IsSyntax);
        Assert.Equal("aliases expand to more than 100000 nodes (the limit for YAML input; anchors referring to anchors multiply)", e.Problem);
        Assert.Equal(5, e.Line); // l4 is the first level whose aliases pass 100,000 nodes (110 + 1,110 + 11,110 + 111,110)
        Assert.True(allocated < 64L << 20, $"refusing the bomb allocated {allocated / (1 << 20)} MiB");
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(65)]
    public void Deep_flow_nesting_is_refused_at_the_limit_not_by_a_stack_overflow(int depth)
    {
        var e = Refused(HostileYaml.DeepFlow(depth));
        Assert.Equal("nested deeper than 64 levels (the limit for YAML input)", e.Problem);
        Assert.Equal((1, 65), (e.Line, e.Column));
    }

    [Fact]
    public void Deep_block_nesting_is_refused() =>
        Assert.Equal("nested deeper than 64 levels (the limit for YAML input)", Refused(HostileYaml.DeepBlock(30_000)).Problem);

    [Fact]
    public void Nesting_at_the_limit_is_read()
    {
        var root = SafeYaml.Load(HostileYaml.DeepFlow(64));
        var depth = 0;
        for (var node = root; node is YamlSequenceNode s; node = s.Children.FirstOrDefault()) depth++;
        Assert.Equal(64, depth);
    }

    [Fact]
    public void An_alias_counts_as_deep_as_the_node_it_stands_for()
    {
        var yaml = $"a: &a {HostileYaml.DeepFlow(40)}\nb: {new string('[', 30)}*a{new string(']', 30)}\n";
        var e = Refused(yaml);
        Assert.Equal("alias *a makes the document deeper than 64 levels (the limit for YAML input)", e.Problem);
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData("a: &a [*a]\n")]
    [InlineData("? &k [x, *k]\n: v\n")]
    [InlineData("a: &a {b: {c: *a}}\n")]
    public void An_alias_inside_its_own_anchor_is_refused_as_a_cycle(string yaml) =>
        Assert.Contains("refers to a node that contains it (a cycle)", Refused(yaml).Problem);

    [Fact]
    public void A_second_document_is_refused_at_its_start()
    {
        var e = Refused("a: 1\n---\nb: 2\n");
        Assert.Equal("holds several YAML documents; expected one", e.Problem);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Ordinary_anchors_and_aliases_still_work()
    {
        var root = (YamlMappingNode)SafeYaml.Load("base: &b {x: 1, y: [1, 2]}\ncopy: *b\nlist: [*b, *b]\n")!;
        Assert.Same(root.Children[new YamlScalarNode("base")], root.Children[new YamlScalarNode("copy")]);
    }

    [Fact]
    public void Syntax_errors_keep_the_parser_words_and_position()
    {
        var e = Refused("a: [1, 2\nb: 3\n");
        Assert.True(e.IsSyntax);
        Assert.DoesNotContain("(Line:", e.Problem);
        Assert.True(e.Line >= 1);
    }

    [Fact]
    public void Limits_are_configurable() =>
        Assert.Contains("deeper than 3 levels", Refused("[[[[1]]]]", new YamlLimits { MaxDepth = 3 }).Problem);
}
