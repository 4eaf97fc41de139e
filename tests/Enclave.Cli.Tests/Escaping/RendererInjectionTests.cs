using System.Text.Json;
using System.Xml;
using Enclave.Cli.Commands;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Check;
using Enclave.Cli.Tests.Review;
using Enclave.Escaping;
using Enclave.Policy.Engine;
using Enclave.Policy.Reports;
using Enclave.Policy.Waivers;
using static Enclave.Cli.Tests.Escaping.HostileGraph;

namespace Enclave.Cli.Tests.Escaping;

/// <summary>
/// Issue 12.4: no terminal or log injection. Every renderer of every command prints a graph, a waiver file and a
/// path that carry ANSI escapes, bidi overrides, control characters and line breaks (<see cref="HostileGraph"/>);
/// none reaches the output raw, no value starts a line of its own, and machine formats still parse (JSON keeps the
/// exact value, as an escape).
/// </summary>
public sealed class RendererInjectionTests : IDisposable
{
    private readonly CheckHarness _h = new();
    private readonly string _waivers;

    public RendererInjectionTests()
    {
        _h.Source.Offline = _ => HostileGraph.Build();
        // What a waiver may still carry of the payload: line breaks and tabs in its reason and approver (a block of
        // text); ESC, bidi, BEL, NEL and LS are refused when the file is read (Policy.Tests WaiverValueTests), so the
        // graph's names and values bring those here.
        const string yamlPayload = "\"OK\\r\\nFAKE LINE\\n\\tX\"";
        _waivers = _h.Write("waivers.yaml",
            $"waivers:\n  - rule: ENC-STO-001\n    urn: \"*\"\n    matches: many\n    critical: true\n    approver: {yamlPayload}\n" +
            $"    reason: {yamlPayload}\n    expires: 2026-07-01\n");
    }

    public void Dispose() => _h.Dispose();

    public static TheoryData<string, string[]> Commands => new()
    {
        { "text", ["plan", "dev", "--format", "text"] },
        { "text", ["plan", "dev", "--format", "markdown"] },
        { "text", ["plan", "dev", "--format", "mermaid"] },
        { "json", ["plan", "dev", "--format", "json"] },
        { "text", ["check", "dev", "--format", "text"] },
        { "text", ["check", "dev", "--format", "text", "--waivers", "{waivers}"] },
        { "text", ["check", "dev", "--format", "markdown", "--waivers", "{waivers}"] },
        { "json", ["check", "dev", "--format", "json", "--waivers", "{waivers}"] },
        { "json", ["check", "dev", "--format", "sarif", "--waivers", "{waivers}"] },
        { "xml", ["check", "dev", "--format", "junit", "--waivers", "{waivers}"] },
        { "text", ["access", "dev", "--format", "text"] },
        { "text", ["access", "dev", "--format", "markdown"] },
        { "json", ["access", "dev", "--format", "json"] },
        { "text", ["diff", "{base}", "{head}", "--format", "text"] },
        { "text", ["diff", "{base}", "{head}", "--format", "markdown"] },
        { "json", ["diff", "{base}", "{head}", "--format", "json"] },
        { "text", ["check", "--state", "{repo}/state" + Payload + ".json"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task No_renderer_prints_a_hostile_value_raw(string kind, string[] args)
    {
        var (code, stdout, stderr) = await _h.Run([.. args.Select(Fill), .. args[0] is "plan" or "diff" ? new[] { "--repo", _h.Repo } : []]);
        // A report, not a refusal: the payload must reach a renderer (the state file's name is the one error case).
        Assert.True(code is 0 or 1 || args[^1].StartsWith("{repo}/state", StringComparison.Ordinal), $"exit {code}: {stderr}");
        var output = stdout + stderr;
        Assert.Contains(Marker, output); // the payload was printed, escaped: the test is not vacuous
        AssertNoRawUnsafe(output, allowEsc: false);
        switch (kind)
        {
            case "text":
                AssertNoValueStartsALine(output);
                break;
            case "json":
                // The value survives exactly: the escapes in the output are JSON string escapes of the same characters.
                Assert.True(stdout.Length > 0, $"no JSON on stdout: {stderr}");
                using (var doc = JsonDocument.Parse(stdout)) Assert.Contains(Strings(doc.RootElement), s => s.Contains(Payload, StringComparison.Ordinal));
                break;
            case "xml":
                new XmlDocument().LoadXml(stdout);
                AssertNoValueStartsALine(stdout);
                break;
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("junit")]
    public async Task A_plan_with_a_crafted_stack_name_is_refused_in_one_escaped_line(string format)
    {
        // The issue's case: a plan whose stack name printed coloured fake "OK" lines. No Pulumi stack has such a name
        // (Repository.RequireArtifactStack): one escaped line each, exit 3 as for any artifact Pulumi never writes,
        // with or without --stack, nothing on stdout.
        var crafted = Plan("crafted.json", HostileGraph.OwnStack());
        foreach (var extra in new[] { Array.Empty<string>(), ["--stack", "dev"] })
        {
            var (code, stdout, stderr) = await _h.Run(["check", "--plan", crafted, "--format", format, .. extra]);
            Assert.Equal(ExitCodes.InputUnreadable, code);
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(Marker, line);
            AssertNoRawUnsafe(line, allowEsc: false);
        }
    }

    [Fact]
    public void The_coloured_terminal_report_and_access_table_escape_values_in_their_cells()
    {
        var report = PolicyEvaluator.Evaluate(HostileGraph.Build(), CheckHarness.Policy, WaiverLoader.Load(_waivers), CheckHarness.Today);
        var check = new StringWriter();
        TextReport.Write(new ReportSet([report]), check, color: true, width: 100_000); // wide: cells never wrap
        var access = new StringWriter();
        AccessCommand.Render(DataAccessReport.Build(HostileGraph.Build(), CheckHarness.Policy), ReportFormat.Text, access, color: true, width: 100_000);
        foreach (var output in new[] { check.ToString(), access.ToString() })
        {
            Assert.Contains(Marker, output);
            // Spectre's own colour codes are the only ESC left (ordinal: a culture comparison ignores ESC).
            Assert.False(output.Contains("\u001b[32mOK", StringComparison.Ordinal), "the payload's ANSI sequence reached the terminal raw");
            AssertNoRawUnsafe(output, allowEsc: true);
            // The payload's box-drawing bar (a look-alike of |, which would fake a column of the table) is escaped;
            // the only raw ones are the table's own borders.
            Assert.Contains(@"\u2502", output, StringComparison.Ordinal);
            AssertNoValueStartsALine(output);
        }
    }

    [Fact]
    public void An_error_quoting_a_hostile_value_is_one_escaped_capped_line()
    {
        var line = CliErrors.Line($"{Payload}: {new string('v', 10_000_000)}");
        Assert.DoesNotContain('\n', line);
        AssertNoRawUnsafe(line, allowEsc: false);
        Assert.True(line.Length < SafeText.LineLength + 100, $"the error line is {line.Length} characters long");
        Assert.EndsWith("more characters)", line);
    }

    private string Fill(string arg) => arg
        .Replace("{waivers}", _waivers).Replace("{repo}", _h.Repo)
        .Replace("{base}", Plan("base.json", EnclaveGraph.Base().Build()))
        .Replace("{head}", Plan("head.json", HostileGraph.Build(EnclaveGraph.Stack, EnclaveGraph.Project)));

    /// <summary>A plan document of <paramref name="graph"/> written by `enclave plan --format json` (once per name).</summary>
    private string Plan(string name, Policy.Graph.ResourceGraph graph)
    {
        var path = Path.Combine(_h.Repo, name);
        if (File.Exists(path)) return path;
        var previous = _h.Source.Offline;
        _h.Source.Offline = _ => graph;
        var (code, _, stderr) = _h.Run("plan", "dev", "--format", "json", "--output", path, "--repo", _h.Repo).GetAwaiter().GetResult();
        _h.Source.Offline = previous;
        Assert.True(code is 0 or 1, stderr);
        return path;
    }

    /// <remarks><paramref name="allowEsc"/>: the coloured terminal renderer's own layout, its colour codes and its table borders (box drawing).</remarks>
    private static void AssertNoRawUnsafe(string output, bool allowEsc)
    {
        // The payload's tab is escaped; tabs left are the renderer's columns.
        Assert.False(output.Contains("\tX", StringComparison.Ordinal), "the payload's tab reached the output raw");
        foreach (var c in output)
            if (c is not ('\n' or '\t') && !(allowEsc && (c == '\u001b' || c is >= '\u2500' and <= '\u257F')))
                Assert.False(SafeText.IsUnsafe(c), $"U+{(int)c:X4} reached the output raw");
    }

    private static void AssertNoValueStartsALine(string output)
    {
        foreach (var line in output.Split('\n'))
            Assert.False(line.TrimStart(' ', '|', '│', '├', '└', '─', '-', '>', '*', '`', '#', '+', '~', '\t').StartsWith(Marker, StringComparison.Ordinal),
                $"a value started a line of its own: {line}");
    }

    /// <summary>Every string in a JSON document, property names included.</summary>
    private static List<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => [.. e.EnumerateArray().SelectMany(Strings)],
        JsonValueKind.Object => [.. e.EnumerateObject().SelectMany(p => Strings(p.Value).Append(p.Name))],
        _ => [],
    };
}
