using Enclave.Policy.Inputs;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Waivers;

/// <summary>
/// Item 1 of issue 12, round 14: a waiver file was built whole before its size in waivers was judged (100k waivers under
/// a raised size cap: every node built, every waiver validated). The count is now enforced by the YAML reader as entries
/// arrive (<see cref="YamlLimits.MaxListItems"/>, <see cref="YamlLimits.MaxNodes"/>): the refusal names the first entry
/// over, and nothing after it is parsed.
/// </summary>
public class WaiverCountLimitTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static string Waiver(int i) => $"- {{ rule: ENC-NET-004, urn: 'urn:pulumi:dev::p::a:b:C::r{i}', reason: r, expires: 2026-06-30 }}\n";

    [Fact]
    public void The_first_waiver_over_the_limit_is_refused_and_nothing_after_it_is_parsed()
    {
        // A syntax error after the waiver over the limit: reached only if the parse went on past the limit.
        var yaml = string.Concat(Enumerable.Range(0, (int)WaiverLoader.DefaultMaxWaivers + 1).Select(Waiver)) + "- [ unclosed\n";
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse(yaml, "waivers.yaml", new WaiverLimits(Today)));
        Assert.Equal("waivers.yaml:10001: a list holds more than 10000 items (a waiver file holds at most 10000 waivers; " +
                     "ENCLAVE_MAX_WAIVERS raises the limit)", e.Message);
        Assert.False(e.Unreadable);
    }

    [Fact]
    public void Exactly_the_limit_loads()
    {
        var yaml = string.Concat(Enumerable.Range(0, (int)WaiverLoader.DefaultMaxWaivers).Select(Waiver));
        Assert.Equal(10_000, WaiverLoader.Parse(yaml, "waivers.yaml", new WaiverLimits(Today)).Waivers.Length);
    }

    [Fact]
    public void Many_short_lists_inside_one_waiver_file_are_bounded_by_the_node_count()
    {
        // 20 lists of 9,000 numbers: no list is over the entry limit, the document is over 160,016 values.
        var list = "[" + string.Join(",", Enumerable.Repeat("1", 9_000)) + "]";
        var yaml = "waivers:\n" + string.Concat(Enumerable.Repeat($"  - {list}\n", 20));
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse(yaml, "waivers.yaml", new WaiverLimits(Today)));
        Assert.StartsWith("waivers.yaml:19: the document holds more than 160016 values (a waiver file holds at most 10000 waivers;", e.Message);
    }

    [Fact]
    public void A_list_counts_its_items_and_a_mapping_its_values()
    {
        var limits = YamlLimits.Default with { MaxListItems = 2, MaxNodes = 7 };
        Assert.NotNull(SafeYaml.Load("a: [1, 2]\nb: 2\n", limits));
        var e = Assert.Throws<YamlInputException>(() => SafeYaml.Load("a: [1, 2,\n  3]\n", limits));
        Assert.Equal("a list holds more than 2 items", e.Problem);
        Assert.Equal(2, e.Line);
        e = Assert.Throws<YamlInputException>(() => SafeYaml.Load("a: 1\nb: 2\nc: 3\nd: 4\n", limits));
        Assert.Equal("the document holds more than 7 values", e.Problem);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Aliases_count_as_the_nodes_they_stand_for()
    {
        var limits = YamlLimits.Default with { MaxNodes = 10 };
        var e = Assert.Throws<YamlInputException>(() => SafeYaml.Load("a: &x [1, 2, 3, 4]\nb: *x\n", limits));
        Assert.Equal("the document holds more than 10 values", e.Problem);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Other_yaml_inputs_keep_no_count_limit()
    {
        var yaml = "values:\n" + string.Concat(Enumerable.Repeat("  - 1\n", 20_000));
        Assert.NotNull(SafeYaml.Load(yaml));
    }
}
