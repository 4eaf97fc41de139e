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
    public void Yaml_the_parser_itself_chokes_on_is_a_syntax_error_not_a_crash() =>
        Assert.Contains("YAML", Refused("a: [1, 2\nb: 3\n").Message);
}
