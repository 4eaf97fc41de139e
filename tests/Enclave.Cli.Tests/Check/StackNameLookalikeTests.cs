using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// Hostile probing (issue 12): a stack name Pulumi cannot have (a Cyrillic о in "prоd", a zero-width space, an escape)
/// was echoed raw — "unknown stack 'prоd'; stacks: dev, prod" reads as if prod were unknown — and an artifact whose
/// URNs name such a stack was judged by `diff` with default settings under what looks like prod's name. Names are now
/// held to Pulumi's grammar wherever they enter: shown as \uXXXX on the command line (exit 2), refused in an artifact (exit 3).
/// </summary>
public class StackNameLookalikeTests
{
    private const string LookAlike = "pr\u043Ed"; // Cyrillic small o

    private static string Export(string stack) =>
        "{\"version\":3,\"deployment\":{\"manifest\":{\"time\":\"2026-01-01T00:00:00Z\",\"magic\":\"m\",\"version\":\"v3.200.0\"}," +
        $"\"resources\":[{{\"urn\":\"urn:pulumi:{stack}::us-data-enclave::pulumi:pulumi:Stack::x\",\"custom\":false,\"type\":\"pulumi:pulumi:Stack\"}}]}}}}";

    [Fact]
    public async Task A_look_alike_on_the_command_line_is_shown_for_what_it_is()
    {
        using var h = new CheckHarness("dev", "prod");
        var (code, _, stderr) = await h.Run(["check", LookAlike]);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Equal("enclave: error: stack 'pr\\u043ed', which is not a Pulumi stack name (1 to 100 ASCII letters, digits, _, . or -); " +
                     "stacks: dev, prod", stderr.Trim());
    }

    [Theory]
    [InlineData("pr\u043Ed", "pr\\u043ed")]
    [InlineData("prod\u200B", "prod\\u200b")]
    [InlineData("../../tmp/x", "../../tmp/x")]
    public async Task An_artifact_naming_a_stack_pulumi_never_writes_is_refused_by_check_and_diff(string stack, string shown)
    {
        using var h = new CheckHarness("dev", "prod");
        var file = h.Write("state.json", Export(stack));
        var (code, stdout, stderr) = await h.Run(["check", "--state", file]);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("", stdout);
        Assert.Equal($"enclave: error: {file}: its URNs name stack '{shown}', which is not a Pulumi stack name (1 to 100 ASCII " +
                     "letters, digits, _, . or -); Pulumi never writes such a name", stderr.Trim());
        (code, _, stderr) = await h.Run(["access", "prod", "--state", file]);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains($"its URNs name stack '{shown}'", stderr);
        (code, _, stderr) = await h.Run(["diff", file, file]);
        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Contains($"its URNs name stack '{shown}'", stderr);
    }
    [Theory]
    [InlineData("stacks/Pulumi.report.yaml")]
    [InlineData("Pulumi.yaml")]
    [InlineData("stacks/pulumi.prod.YML")]
    [InlineData("Pulumi.json")] // Pulumi reads it as the project before Pulumi.yaml
    public async Task A_report_is_never_written_where_pulumi_reads_configuration(string output)
    {
        // `-o stacks/Pulumi.report.yaml` wrote the report as a new stack config: every later `check` failed on it.
        using var h = new CheckHarness("dev", "prod");
        var target = Path.Combine(h.Repo, output);
        var before = File.Exists(target) ? File.ReadAllText(target) : null;
        var (code, _, stderr) = await h.Run(["check", "prod", "--output", target]);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("is named like a file Pulumi and the gate read as a project or stack configuration", stderr);
        Assert.Equal(before, File.Exists(target) ? File.ReadAllText(target) : null);
    }
}
