using Enclave.Policy.Tests.Inputs;
using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Waivers;

/// <summary>
/// Issue 12.1 for waiver files (a pull request can change them): a ~60 KB deeply nested waiver file crashed the
/// process with a stack overflow; now every hostile shape is a <see cref="WaiverFileException"/> naming the line,
/// a content error (exit 2), never unreadable.
/// </summary>
public class HostileWaiverTests
{
    private static WaiverFileException Refused(string yaml)
    {
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse(yaml, "waivers.yaml"));
        Assert.False(e.Unreadable);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void A_deeply_nested_waiver_file_is_refused_at_the_depth_limit() =>
        Assert.Equal("waivers.yaml:2: nested deeper than 64 levels (the limit for YAML input)",
            Refused("waivers:\n  " + HostileYaml.DeepBlock(30_000)).Message);

    [Fact]
    public void Sixty_kilobytes_of_brackets_is_refused_naming_its_line() =>
        Assert.Equal("waivers.yaml:1: nested deeper than 64 levels (the limit for YAML input)", Refused(HostileYaml.DeepFlow(30_000)).Message);

    [Fact]
    public void An_alias_bomb_is_refused() =>
        Assert.Contains("aliases expand to more than 100000 nodes", Refused(HostileYaml.BillionLaughs(prefix: "x: 1\n")).Message);

    [Fact]
    public void A_multi_document_waiver_file_is_refused_like_a_multi_document_stack_config()
    {
        const string one = "- rule: ENC-NET-004\n  urn: \"*\"\n  reason: r\n  expires: 2030-01-01\n";
        Assert.Equal("waivers.yaml:5: holds several YAML documents; expected one", Refused(one + "---\n" + one).Message);
    }

    [Fact]
    public void A_waiver_with_a_key_given_twice_is_refused_rather_than_guessed()
    {
        // Two `rule:` keys: which one a reader keeps decides what is waived. Refused, as Pulumi's go-yaml refuses them.
        const string twice = "- rule: ENC-NET-004\n  rule: ENC-STO-001\n  urn: \"*\"\n  reason: r\n  expires: 2030-01-01\n";
        Assert.Equal("waivers.yaml:2: invalid YAML: Duplicate key rule", Refused(twice).Message);
    }

    [Theory]
    [InlineData("reason", 1001, "waivers.yaml:4: reason is 1001 characters long; at most 1000 (link a ticket for the rest)")]
    [InlineData("approver", 1_000_000, "waivers.yaml:6: approver is 1000000 characters long; at most 1000 (link a ticket for the rest)")]
    public void A_reason_or_approver_every_report_would_echo_is_capped(string key, int length, string expected)
    {
        var text = new string('x', length);
        string Value(string k, string normal) => k == key ? text : normal;
        var yaml = "- rule: ENC-NET-004\n  urn: \"*\"\n  expires: 2030-01-01\n" +
                   $"  reason: {Value("reason", "r")}\n  critical: true\n  approver: {Value("approver", "ciso")}\n";
        Assert.Equal(expected, Refused(yaml).Message);
    }

    [Fact]
    public void A_reason_of_the_longest_allowed_length_loads()
    {
        var yaml = $"- rule: ENC-NET-004\n  urn: \"*\"\n  reason: {new string('x', 1000)}\n  expires: 2030-01-01\n";
        Assert.Equal(1000, Assert.Single(WaiverLoader.Parse(yaml, "waivers.yaml").Waivers).Reason.Length);
    }

    [Fact]
    public void Yaml_the_parser_itself_chokes_on_is_a_syntax_error_not_a_crash() =>
        Assert.Contains("YAML", Refused("a: [1, 2\nb: 3\n").Message);
}
