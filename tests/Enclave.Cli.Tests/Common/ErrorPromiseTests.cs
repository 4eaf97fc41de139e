using System.Text;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Inputs;
using Enclave.Escaping;
using Enclave.Policy.Inputs;

namespace Enclave.Cli.Tests.Common;

/// <summary>
/// The README's promise, input class by input class: bad input is one line on stderr (`enclave: error: …`, escaped,
/// capped, never a stack trace), nothing on stdout, and the documented exit code: 2 for content that was read but is
/// invalid (stack configs, Pulumi.yaml, waivers, usage), 3 for a file that cannot be read as what it should be (every
/// JSON artifact, and any file that is binary, missing or not a regular file). Each class's exact wording is tested
/// where the class is (Inputs/, Loaders/, Waivers/); this table keeps the classes from drifting apart.
/// </summary>
public sealed class ErrorPromiseTests : IDisposable
{
    private static readonly string Root = FindRoot();
    private static readonly string Preview = SpecialFiles.CheckFixture("compliant-preview.json");
    private readonly string _repo = Directory.CreateTempSubdirectory("enclave-promise-").FullName;

    public ErrorPromiseTests()
    {
        File.Copy(Path.Combine(Root, "Pulumi.yaml"), Path.Combine(_repo, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(_repo, "stacks"));
        File.WriteAllText(Path.Combine(_repo, "enclave-stacks.yaml"), "stacks: [dev]\n");  // the declared stacks (StackInventory)
        File.Copy(Path.Combine(Root, "stacks", "Pulumi.dev.yaml"), Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"));
    }

    public void Dispose()
    {
        _stdin?.Dispose();
        Directory.Delete(_repo, recursive: true);
    }

    public static TheoryData<string, int> Classes => new()
    {
        { "stack config: binary", ExitCodes.InputUnreadable },
        { "stack config: YAML syntax", ExitCodes.UsageOrConfig },
        { "stack config: two documents", ExitCodes.UsageOrConfig },
        { "stack config: value out of range", ExitCodes.UsageOrConfig },
        { "stack config: unknown stack", ExitCodes.UsageOrConfig },
        { "Pulumi.yaml: YAML syntax", ExitCodes.UsageOrConfig },
        { "Pulumi.yaml: binary", ExitCodes.InputUnreadable },
        { "waivers: nested too deep", ExitCodes.UsageOrConfig },
        { "waivers: no reason", ExitCodes.UsageOrConfig },
        { "waivers: a directory", ExitCodes.InputUnreadable },
        { "preview: malformed", ExitCodes.InputUnreadable },
        { "preview: wrong shape", ExitCodes.InputUnreadable },
        { "preview: truncated", ExitCodes.InputUnreadable },
        { "export: string-typed boolean", ExitCodes.InputUnreadable },
        { "event log: cut short", ExitCodes.InputUnreadable },
        { "plan: resourceCount disagrees", ExitCodes.InputUnreadable },
        { "stdin: binary", ExitCodes.InputUnreadable },
        { "output: a directory", ExitCodes.UsageOrConfig },
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public async Task Bad_input_is_one_escaped_line_with_the_documented_exit_code(string inputClass, int exit)
    {
        var args = Arrange(inputClass);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 6, 1));
        var code = await SpecialFiles.Bounded(CliApp.RunAsync([.. args, "--repo", _repo], services, stdout, stderr));

        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(code == exit, $"{inputClass}: exit {code}, expected {exit}: {line}");
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("enclave: error: ", line);
        Assert.DoesNotContain("   at ", line);
        Assert.DoesNotContain("Exception", line);
        Assert.DoesNotContain(line, SafeText.IsUnsafe);
        Assert.True(line.Length <= SafeText.LineLength + 100, $"{inputClass}: the line is {line.Length} characters long");
    }

    private string[] Arrange(string inputClass)
    {
        string Stack(string text) { File.WriteAllText(Path.Combine(_repo, "stacks", "Pulumi.dev.yaml"), text); return "dev"; }
        string File_(string name, string text) { var p = Path.Combine(_repo, name); File.WriteAllText(p, text); return p; }
        string Cut(string fixture) { var t = File.ReadAllText(fixture); return File_("cut.json", t[..(t.Length / 2)]); }
        var devStack = Path.Combine(_repo, "stacks", "Pulumi.dev.yaml");
        switch (inputClass)
        {
            case "stack config: binary": File.WriteAllBytes(devStack, [0x89, 0x50, 0x4e, 0x47, 0x00]); return ["check", "dev"];
            case "stack config: YAML syntax": return ["check", Stack("config: [unclosed\n")];
            case "stack config: two documents": return ["check", Stack("config: {}\n---\nconfig: {}\n")];
            case "stack config: value out of range":
                return ["check", Stack(File.ReadAllText(devStack).Replace("computeCount: 2", "computeCount: 2.5"))];
            case "stack config: unknown stack": return ["check", "qa\u001b[2J"];
            case "Pulumi.yaml: YAML syntax": File_("Pulumi.yaml", "name: [x\n"); return ["check", "dev"];
            case "Pulumi.yaml: binary": File.WriteAllBytes(Path.Combine(_repo, "Pulumi.yaml"), [0, 1, 2, 3]); return ["check", "dev"];
            case "waivers: nested too deep": return ["check", "--preview-json", Preview, "--waivers", File_("w.yaml", "waivers: " + new string('[', 60_000))];
            case "waivers: no reason":
                return ["check", "--preview-json", Preview, "--waivers", File_("w.yaml", "- rule: ENC-NET-004\n  urn: \"*\"\n  expires: 2026-07-01\n")];
            case "waivers: a directory": return ["check", "--preview-json", Preview, "--waivers", _repo];
            case "preview: malformed": return ["check", "--preview-json", File_("p.json", "{\"steps\": [{}]]}")];
            case "preview: wrong shape": return ["check", "--preview-json", File_("p.json", "{\"steps\": [1]}")];
            case "preview: truncated": return ["check", "--preview-json", Cut(Preview)];
            case "export: string-typed boolean":
                return ["check", "--state", File_("e.json", File.ReadAllText(SpecialFiles.CheckFixture("compliant-export.json"))
                    .Replace("\"custom\": true", "\"custom\": \"true\""))];
            case "event log: cut short":
                return ["check", "--event-log", Cut(Path.Combine(Root, "tests/Enclave.Policy.Tests/Fixtures/pulumi-testdata/destroy-with-custom-resource-parent.json"))];
            case "plan: resourceCount disagrees":
                return ["check", "--plan", File_("plan.json", """{ "formatVersion": 1, "kind": "enclave-plan", "stack": "dev", "project": "us-data-enclave", "resourceCount": 3, "resources": [], "policy": { "passed": 0, "findings": [] } }""")];
            case "stdin: binary":
                _stdin = InputFile.RedirectStdin(() => new MemoryStream(Encoding.UTF8.GetBytes("{\"steps\": [\0]}")));
                return ["check", "--preview-json", "-"];
            case "output: a directory": return ["check", "--preview-json", Preview, "--output", _repo];
            default: throw new ArgumentException(inputClass);
        }
    }

    private IDisposable? _stdin;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "stacks")))
                return dir.FullName;
        throw new InvalidOperationException("repository root not found above the test binaries");
    }
}
